package org.aftercart.offers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.offers.Offer;
import org.aftercart.offers.Offers;
import org.aftercart.offers.ThankYouLinks;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.Languages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The thank-you page a storefront sends the customer to after checkout, public and opened by a
 * signed link ({@code /thank-you/{token}}): the order with its lines and amounts, the delivery
 * promise, where to track it, how to change it, help, and the offer slot. A view of the offer is
 * counted when the page is shown (not for {@code HEAD} or a browser's prefetch); a click goes
 * through {@code /thank-you/{token}/offers/{offerId}}, which counts it and redirects to the offer's
 * own target. An expired link gets a page saying how to find the order (410); anything else wrong,
 * the same not-found page (404). Neither names an order.
 */
@Controller
class ThankYouPageController {

    private final ThankYouLinks links;
    private final ThankYouPages pages;
    private final Offers offers;
    private final BrandingSettings branding;

    ThankYouPageController(ThankYouLinks links, ThankYouPages pages, Offers offers, BrandingSettings branding) {
        this.links = links;
        this.pages = pages;
        this.offers = offers;
        this.branding = branding;
    }

    /** A link that shows the current page in another language, labelled in that language. */
    @GetMapping("/thank-you/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(request, model);
        ThankYouLinks.Opened opened = links.open(token);
        if (opened instanceof ThankYouLinks.Expired) {
            return expired(response);
        }
        Optional<OrderView> order =
                opened instanceof ThankYouLinks.ForOrder valid ? pages.order(valid.order()) : Optional.empty();
        if (order.isEmpty()) {
            return notFound(response);
        }
        Locale locale = locale();
        Offer offer = pages.offer(locale).orElse(null);
        model.addAttribute("page", pages.page(order.get(), token, offer, locale));
        if (offer != null && seenByTheCustomer(request)) {
            offers.recordView(offer.id(), order.get().id());
        }
        // the page is the customer's own: not kept by shared caches, and every showing is asked for
        response.setHeader("Cache-Control", "no-store");
        return "offers/thank-you";
    }

    /** Counts a click on the offer, then sends the customer to the offer's target, and only there. */
    @GetMapping("/thank-you/{token}/offers/{offerId}")
    Object click(
            @PathVariable String token,
            @PathVariable String offerId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        common(request, model);
        ThankYouLinks.Opened opened = links.open(token);
        if (opened instanceof ThankYouLinks.Expired) {
            return expired(response);
        }
        if (!(opened instanceof ThankYouLinks.ForOrder valid)
                || !isUuid(offerId)
                || pages.order(valid.order()).isEmpty()) {
            return notFound(response);
        }
        UUID offer = UUID.fromString(offerId);
        Optional<URI> target = seenByTheCustomer(request)
                ? offers.recordClick(offer, valid.order())
                : offers.find(offer).map(Offer::targetUrl);
        if (target.isEmpty()) {
            return notFound(response);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header("Location", target.get().toString())
                .header("Cache-Control", "no-store")
                .build();
    }

    private String expired(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "offers/expired";
    }

    private String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "offers/not-found";
    }

    /**
     * Whether a person is looking: not a {@code HEAD} request, and not a prefetch or prerender the
     * browser makes ahead of a click that may never come ({@code Sec-Purpose}, {@code Purpose},
     * {@code X-Moz}).
     */
    static boolean seenByTheCustomer(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        for (String header : List.of("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")) {
            String value = request.getHeader(header);
            if (value != null && (value.contains("prefetch") || value.contains("preview"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Locale locale() {
        return Languages.orFallback(LocaleContextHolder.getLocale());
    }

    private void common(HttpServletRequest request, Model model) {
        model.addAttribute("brand", branding.current());
        Locale current = locale();
        model.addAttribute("languages", Languages.links(current, request.getRequestURI()));
    }
}
