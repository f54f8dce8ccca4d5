package org.aftercart.tracking.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.LanguageLink;
import org.aftercart.platform.Languages;
import org.aftercart.tracking.TrackingLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The branded tracking page, public: opened by a signed link ({@code /track/{token}}) or found by
 * a guest lookup ({@code /track}) with the order number and the e-mail address or postcode. It
 * only ever shows the order the token or the lookup proved; anything else is the same not-found
 * page, and too many lookups get 429.
 */
// Renders through the web's view resolver, which a command-line run (the import) does not have.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class TrackingPageController {

    /** The cookie in which the language chosen with {@code ?lang=} is remembered (platform). */
    private static final String LANGUAGE_COOKIE = "AFTERCART_LANG";

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final TrackingLinks links;
    private final TrackingPages pages;
    private final PageCounters counters;
    private final LookupLimits limits;
    private final BrandingSettings branding;
    private final TrackingPageSettings settings;
    private final RenderedPages rendered;
    private final ThymeleafViewResolver viewResolver;

    TrackingPageController(
            TrackingLinks links,
            TrackingPages pages,
            PageCounters counters,
            LookupLimits limits,
            BrandingSettings branding,
            TrackingPageSettings settings,
            RenderedPages rendered,
            ThymeleafViewResolver viewResolver) {
        this.links = links;
        this.pages = pages;
        this.counters = counters;
        this.limits = limits;
        this.branding = branding;
        this.settings = settings;
        this.rendered = rendered;
        this.viewResolver = viewResolver;
    }

    @GetMapping("/track")
    String lookupForm(HttpServletRequest request, Model model) {
        common(request, model);
        return "tracking/lookup";
    }

    @PostMapping("/track")
    String lookup(
            @RequestParam(defaultValue = "") String orderNumber,
            @RequestParam(defaultValue = "") String contact,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        common(request, model);
        String number = orderNumber.strip();
        if (number.length() > 64 || contact.length() > 320) {
            return notFoundInLookup(number, model);
        }
        if (!limits.tryLookup(request.getRemoteAddr(), number)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(limits.retryAfter().toSeconds()));
            return "tracking/too-many";
        }
        Optional<OrderId> found = pages.lookup(number, contact);
        if (found.isEmpty()) {
            return notFoundInLookup(number, model);
        }
        return "redirect:/track/" + links.tokenFor(found.get(), settings.lookupLinkValidity());
    }

    @GetMapping("/track/{token}")
    Object page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        Optional<OrderId> id = links.verify(token);
        if (id.isEmpty()) {
            return notFound(request, response, model);
        }
        boolean picked = languagePicked(request);
        RenderedPages.Key key = new RenderedPages.Key(
                id.get().id(),
                token,
                picked,
                Languages.orFallback(askedLanguage(request)).getLanguage());
        byte[] html = rendered.get(key);
        if (html == null) {
            Optional<OrderView> order = pages.order(id.get());
            if (order.isEmpty()) {
                return notFound(request, response, model);
            }
            html = render(order.get(), token, picked, request, response, model);
            rendered.put(key, html);
        }
        counters.visit(id.get().id());
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    /** The page as the template renders it, captured to be kept (see {@link RenderedPages}). */
    private byte[] render(
            OrderView order,
            String token,
            boolean picked,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws Exception {
        TrackingPages.Reader reader = pages.readerOf(order);
        Locale locale = chosenLanguage(request, reader, picked);
        ZoneId zone = reader.zone();
        request.setAttribute(CookieLocaleResolver.TIME_ZONE_REQUEST_ATTRIBUTE_NAME, TimeZone.getTimeZone(zone));
        common(request, model);
        model.addAttribute("page", pages.page(order, token, locale, zone));
        View view = Objects.requireNonNull(
                viewResolver.resolveViewName("tracking/page", locale), "the tracking page template is missing");
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        view.render(model.asMap(), request, captured);
        return captured.getContentAsByteArray();
    }

    /** Counts a click on a recommended product, then sends the customer to the product in the shop. */
    @GetMapping("/track/{token}/go")
    Object go(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String slot,
            @RequestParam(defaultValue = "") String sku,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderId> order = links.verify(token);
        Optional<String> target = TrackingPages.COMPLEMENTARY.equals(slot) && sku.length() <= 128
                ? pages.productAddress(sku)
                : Optional.empty();
        if (order.isEmpty() || target.isEmpty()) {
            return notFound(request, response, model);
        }
        counters.click(order.get().id(), slot, sku);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header("Location", target.get())
                .build();
    }

    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        common(request, model);
        return "tracking/not-found";
    }

    private String notFoundInLookup(String number, Model model) {
        model.addAttribute("orderNumber", number);
        model.addAttribute("notFound", true);
        return "tracking/lookup";
    }

    /**
     * The language: the one the customer picked on the page (remembered in a cookie), else the one
     * on their customer profile, else the browser's. Set where the page's messages are read from.
     */
    private static Locale chosenLanguage(HttpServletRequest request, TrackingPages.Reader reader, boolean picked) {
        if (!picked && reader.language() != null) {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, reader.language());
        }
        return Languages.orFallback(askedLanguage(request));
    }

    private static boolean languagePicked(HttpServletRequest request) {
        return request.getParameter("lang") != null || hasLanguageCookie(request);
    }

    /** The language picked on the page or, failing that, the browser's. */
    private static Locale askedLanguage(HttpServletRequest request) {
        Object resolved = request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME);
        return resolved instanceof Locale locale ? locale : request.getLocale();
    }

    private static boolean hasLanguageCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var cookie : request.getCookies()) {
            if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private void common(HttpServletRequest request, Model model) {
        model.addAttribute("brand", branding.current());
        model.addAttribute("languages", languages(request));
    }

    private static List<LanguageLink> languages(HttpServletRequest request) {
        Object resolved = request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME);
        Locale current = resolved instanceof Locale locale ? locale : request.getLocale();
        return Languages.links(current, request.getRequestURI());
    }
}
