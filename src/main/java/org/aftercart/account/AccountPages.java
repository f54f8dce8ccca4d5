package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.aftercart.platform.Branding;
import org.aftercart.platform.Languages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/** What every account page shows around its content: the brand and the language switch. */
@Component
class AccountPages {

    record LanguageLink(String code, String label, String href, boolean current) {}

    private final Branding branding;
    private final LocaleResolver locales;

    AccountPages(Branding branding, LocaleResolver locales) {
        this.branding = branding;
        this.locales = locales;
    }

    void common(HttpServletRequest request, Model model) {
        model.addAttribute("brand", branding);
        model.addAttribute("languages", languages(request));
    }

    Locale locale(HttpServletRequest request) {
        return Languages.orFallback(locales.resolveLocale(request));
    }

    private List<LanguageLink> languages(HttpServletRequest request) {
        Locale current = locale(request);
        String path = request.getRequestURI();
        return Languages.SUPPORTED.stream()
                .map(language -> new LanguageLink(
                        language.getLanguage(),
                        capitalised(language.getDisplayLanguage(language), language),
                        UriComponentsBuilder.fromPath(path)
                                .replaceQueryParam("lang", language.getLanguage())
                                .build()
                                .toUriString(),
                        language.getLanguage().equals(current.getLanguage())))
                .toList();
    }

    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
