package org.aftercart.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.Languages;
import org.aftercart.support.HelpArticle;
import org.aftercart.support.HelpCentre;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public help centre: topics with their articles, search, an article, and lasting links by
 * situation ({@code /help/for/parcel-delayed?order=AC-100042}) that e-mails and pages use. In the
 * language picked with {@code ?lang=} or the browser's; branded like the tracking page.
 */
@Controller
class HelpPageController {

    private final HelpCentre help;
    private final BrandingSettings branding;

    HelpPageController(HelpCentre help, BrandingSettings branding) {
        this.help = help;
        this.branding = branding;
    }

    /** A link that shows the current page in another language, labelled in that language. */
    @GetMapping("/help")
    String home(HttpServletRequest request, Model model) {
        Locale locale = locale();
        common(request, model, Map.of());
        model.addAttribute("topics", help.topics(locale));
        return "support/home";
    }

    @GetMapping("/help/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Locale locale = locale();
        common(request, model, Map.of());
        String query = q.strip();
        model.addAttribute("query", query);
        if (query.isEmpty()) {
            model.addAttribute("problem", "empty");
        } else if (query.length() > HelpCentre.MAX_QUERY_LENGTH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "too-long");
            model.addAttribute("query", query.substring(0, HelpCentre.MAX_QUERY_LENGTH));
        } else {
            model.addAttribute("hits", help.search(query, locale));
        }
        model.addAttribute("topics", help.topics(locale));
        model.addAttribute("maxQueryLength", HelpCentre.MAX_QUERY_LENGTH);
        return "support/search";
    }

    /** A lasting link by situation: to the article that fits now, keeping the order number it shows. */
    @GetMapping("/help/for/{situation}")
    ResponseEntity<Void> forSituation(
            @PathVariable String situation, @RequestParam(required = false) @Nullable String order) {
        Optional<HelpArticle> article = help.articleForSituation(situation, locale());
        var target = UriComponentsBuilder.fromUriString(
                article.map(HelpArticle::path).orElse("/help"));
        if (article.isPresent() && order != null && HelpCentre.isOrderNumber(order)) {
            target.queryParam("order", order);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header("Location", target.encode().build().toUriString())
                .build();
    }

    @GetMapping("/help/{slug}")
    String article(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String order,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<HelpArticle> found = help.article(slug, locale());
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            common(request, model, Map.of());
            model.addAttribute("topics", help.topics(locale()));
            return "support/not-found";
        }
        HelpArticle article = found.get();
        common(request, model, help.translations(article));
        model.addAttribute("article", article);
        model.addAttribute("html", help.html(article));
        model.addAttribute("related", help.related(article));
        model.addAttribute("orderNumber", order != null && HelpCentre.isOrderNumber(order) ? order : null);
        return "support/article";
    }

    private static Locale locale() {
        return Languages.orFallback(LocaleContextHolder.getLocale());
    }

    /**
     * The brand and the language links; {@code translations} are the current article's addresses by
     * language, else the same page in the other language.
     */
    private void common(HttpServletRequest request, Model model, Map<String, String> translations) {
        model.addAttribute("brand", branding.current());
        Locale current = locale();
        model.addAttribute(
                "languages",
                Languages.links(
                        current,
                        language -> translations.isEmpty()
                                ? Languages.sameAddressIn(language, request.getRequestURI(), request.getQueryString())
                                : translations.getOrDefault(
                                        language.getLanguage(), "/help?lang=" + language.getLanguage())));
    }
}
