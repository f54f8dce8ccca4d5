package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.LanguageLink;
import org.aftercart.platform.Languages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.LocaleResolver;

/** What every account page shows around its content: the brand and the language switch. */
@Component
class AccountPages {

    private final BrandingSettings branding;
    private final LocaleResolver locales;

    AccountPages(BrandingSettings branding, LocaleResolver locales) {
        this.branding = branding;
        this.locales = locales;
    }

    void common(HttpServletRequest request, Model model) {
        model.addAttribute("brand", branding.current());
        model.addAttribute("languages", languages(request));
    }

    Locale locale(HttpServletRequest request) {
        return Languages.orFallback(locales.resolveLocale(request));
    }

    private List<LanguageLink> languages(HttpServletRequest request) {
        return Languages.links(locale(request), request.getRequestURI());
    }
}
