package org.aftercart.returns.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.LanguageLink;
import org.aftercart.platform.Languages;
import org.aftercart.returns.Eligibility;
import org.aftercart.returns.Refusal;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnLabels;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnReason;
import org.aftercart.returns.ReturnRefused;
import org.aftercart.returns.ReturnStepNotAllowed;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.returns.labels.ReturnLabel;
import org.aftercart.shared.Problem;
import org.aftercart.tracking.TrackingLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The customer's self-service returns portal (ADR 16). A guest proves an order with its number and
 * e-mail address or delivery postcode ({@code /returns}), or arrives from the tracking page's
 * signed link ({@code /returns/start?t=}); the HTTP session is then granted that one order. Every
 * other page checks the order (or the return's order) in its address against that grant; anything
 * else is the same 404 page, so nobody learns whether another customer's order exists.
 */
@Controller
class ReturnsPortalController {

    private static final String ACTOR = "customer";

    private final Returns returns;
    private final ReturnLabels labels;
    private final TrackingLinks trackingLinks;
    private final PortalAccess access;
    private final PortalLookupLimits limits;
    private final PortalPages pages;
    private final BrandingSettings branding;

    ReturnsPortalController(
            Returns returns,
            ReturnLabels labels,
            TrackingLinks trackingLinks,
            PortalAccess access,
            PortalLookupLimits limits,
            PortalPages pages,
            BrandingSettings branding) {
        this.returns = returns;
        this.labels = labels;
        this.trackingLinks = trackingLinks;
        this.access = access;
        this.limits = limits;
        this.pages = pages;
        this.branding = branding;
    }

    /** A link that shows the current page in another language, labelled in that language. */

    /** A problem with the form, shown in the summary and next to the field it is about. */
    record FieldError(String field, String message) {}

    // ---------------------------------------------------------------- access

    @GetMapping("/returns")
    String lookupForm(HttpServletRequest request, Model model) {
        common(request, model);
        return "returns/lookup";
    }

    @PostMapping("/returns")
    String lookup(
            @RequestParam(defaultValue = "") String orderNumber,
            @RequestParam(defaultValue = "") String contact,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        common(request, model);
        String number = orderNumber.strip();
        model.addAttribute("orderNumber", number);
        if (number.length() > 64 || contact.length() > 320) {
            return notFoundInLookup(model);
        }
        if (!limits.tryLookup(request.getRemoteAddr(), number)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(limits.retryAfter().toSeconds()));
            return "returns/too-many";
        }
        Optional<OrderId> found = access.lookup(number, contact);
        if (found.isEmpty()) {
            return notFoundInLookup(model);
        }
        access.grant(request, found.get());
        return "redirect:/returns/orders/" + found.get().id();
    }

    /** From the tracking page: its signed token proves the order as a lookup would. */
    @GetMapping("/returns/start")
    String start(
            @RequestParam(name = "t", defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderId> order = trackingLinks.verify(token);
        if (order.isEmpty()) {
            return notFound(request, response, model);
        }
        access.grant(request, order.get());
        return "redirect:/returns/orders/" + order.get().id();
    }

    // ---------------------------------------------------------------- asking

    @GetMapping("/returns/orders/{orderId}")
    String order(@PathVariable String orderId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<OrderId> order = grantedOrder(orderId, request);
        if (order.isEmpty()) {
            return notFound(request, response, model);
        }
        ReturnForm form = new ReturnForm();
        form.setRequestKey(UUID.randomUUID());
        return orderPage(order.get(), form, List.of(), request, response, model);
    }

    @PostMapping("/returns/orders/{orderId}")
    String request(
            @PathVariable String orderId,
            @ModelAttribute ReturnForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderId> order = grantedOrder(orderId, request);
        if (order.isEmpty()) {
            return notFound(request, response, model);
        }
        Locale locale = locale(request);
        Eligibility eligibility = returns.eligibility(order.get());
        Map<String, ReturnReason> reasons = new LinkedHashMap<>();
        returns.reasons().forEach(reason -> reasons.put(reason.code(), reason));
        List<FieldError> errors = check(form, eligibility, reasons, pages.paid(order.get()), locale);
        if (errors.isEmpty()) {
            errors = storePhotos(form, eligibility, locale);
        }
        if (!errors.isEmpty()) {
            return orderPage(order.get(), form, errors, request, response, model);
        }
        try {
            if (form.getRequestKey() == null) {
                form.setRequestKey(UUID.randomUUID());
            }
            RequestReturn command = command(order.get(), form, eligibility);
            ReturnView created = returns.request(command, "portal:" + form.getRequestKey(), fingerprint(command))
                    .request();
            return "redirect:/returns/" + created.id().id();
        } catch (ReturnRefused refused) {
            return orderPage(order.get(), form, List.of(refusal(refused, locale)), request, response, model);
        }
    }

    // ---------------------------------------------------------------- a return

    @GetMapping("/returns/{returnId}")
    String returnPage(
            @PathVariable String returnId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<ReturnView> found = grantedReturn(returnId, request);
        if (found.isEmpty()) {
            return notFound(request, response, model);
        }
        common(request, model);
        model.addAttribute("page", pages.page(found.get(), locale(request)));
        return "returns/return";
    }

    @GetMapping("/returns/{returnId}/label.pdf")
    Object label(@PathVariable String returnId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<ReturnView> found = grantedReturn(returnId, request);
        if (found.isEmpty() || !ReturnLabels.needsLabel(found.get())) {
            return notFound(request, response, model);
        }
        ReturnLabel label = labels.labelFor(found.get().id(), locale(request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(label.mediaType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("return-label-" + found.get().number() + ".pdf")
                                .build()
                                .toString())
                .header("Cache-Control", "private, no-store")
                .body(label.pdf());
    }

    @PostMapping("/returns/{returnId}/cancel")
    String cancel(
            @PathVariable String returnId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<ReturnView> found = grantedReturn(returnId, request);
        if (found.isEmpty()) {
            return notFound(request, response, model);
        }
        Locale locale = locale(request);
        try {
            returns.cancel(found.get().id(), ACTOR, "Cancelled by the customer in the returns portal");
        } catch (ReturnStepNotAllowed notNow) {
            common(request, model);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("page", pages.page(found.get(), locale));
            model.addAttribute("cancelRefused", true);
            return "returns/return";
        }
        return "redirect:/returns/" + found.get().id().id();
    }

    // ---------------------------------------------------------------- helpers

    private String orderPage(
            OrderId order,
            ReturnForm form,
            List<FieldError> errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Eligibility eligibility;
        try {
            eligibility = returns.eligibility(order);
        } catch (OrderNotFound gone) {
            return notFound(request, response, model);
        }
        common(request, model);
        model.addAttribute("orderId", order.id().toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(error -> fieldErrors.merge(error.field(), error.message(), (a, b) -> a + " " + b));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("page", pages.order(eligibility, form, locale(request)));
        return "returns/order";
    }

    /**
     * The checks a person can fix on the form, in their words and next to the field. The domain
     * checks everything again (and more) when the request is made.
     */
    private List<FieldError> check(
            ReturnForm form, Eligibility eligibility, Map<String, ReturnReason> reasons, boolean paid, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < eligibility.lines().size(); i++) {
            Eligibility.Line line = eligibility.lines().get(i);
            ReturnForm.LineChoice choice = form.choiceFor(line.orderLineId());
            if (choice.getQuantity() <= 0) {
                continue;
            }
            any = true;
            String prefix = "line-" + i + "-";
            if (!line.returnable() || choice.getQuantity() > line.returnableQuantity()) {
                errors.add(new FieldError(
                        prefix + "quantity",
                        pages.text("returns.portal.error.quantity", locale, line.title(), line.returnableQuantity())));
                continue;
            }
            ReturnReason reason = choice.getReasonCode() == null ? null : reasons.get(choice.getReasonCode());
            if (reason == null) {
                errors.add(new FieldError(
                        prefix + "reason", pages.text("returns.portal.error.reason", locale, line.title())));
                continue;
            }
            if (reason.requiresComment()
                    && (choice.getComment() == null || choice.getComment().isBlank())) {
                errors.add(new FieldError(
                        prefix + "comment", pages.text("returns.portal.error.comment", locale, line.title())));
            }
            if (reason.requiresPhoto()
                    && choice.chosenPhotos().isEmpty()
                    && choice.getPhotoIds().isEmpty()) {
                errors.add(new FieldError(
                        prefix + "photos", pages.text("returns.portal.error.photo", locale, line.title())));
            }
            if (!pages.outcomesFor(line, paid).contains(choice.getOutcome())) {
                errors.add(new FieldError(
                        prefix + "outcome", pages.text("returns.portal.error.outcome", locale, line.title())));
            } else if (form.isGift() && choice.getOutcome() != ReturnOutcome.STORE_CREDIT) {
                errors.add(new FieldError(
                        prefix + "outcome", pages.text("returns.portal.error.gift-outcome", locale, line.title())));
            } else if (exchanges(choice.getOutcome()) && !exchangeableFor(line, choice)) {
                errors.add(new FieldError(
                        prefix + "exchange", pages.text("returns.portal.error.exchange", locale, line.title())));
            }
        }
        if (!any) {
            errors.addFirst(new FieldError("items", pages.text("returns.portal.error.nothing", locale)));
        }
        if (form.getMethod() == ReturnMethod.IN_STORE
                && (form.getLocationCode() == null || form.getLocationCode().isBlank())) {
            errors.add(new FieldError("store", pages.text("returns.portal.error.store", locale)));
        }
        if (form.isGift()
                && (form.getGiftRecipientEmail() == null
                        || !form.getGiftRecipientEmail().contains("@"))) {
            errors.add(new FieldError("gift-email", pages.text("returns.portal.error.gift-email", locale)));
        }
        return errors;
    }

    /**
     * The portal exchanges a line only for a variant of the same product (another size or colour):
     * the domain would take any SKU, so a forged one is refused here. Blank asks for the same SKU.
     */
    private boolean exchangeableFor(Eligibility.Line line, ReturnForm.LineChoice choice) {
        String wanted = choice.getExchangeSku();
        if (wanted == null || wanted.isBlank() || wanted.equals(line.sku())) {
            return true;
        }
        return pages.exchangeVariants(line).stream()
                .anyMatch(variant -> variant.sku().equals(wanted));
    }

    private static boolean exchanges(ReturnOutcome outcome) {
        return outcome == ReturnOutcome.EXCHANGE || outcome == ReturnOutcome.INSTANT_EXCHANGE;
    }

    /** Keeps the chosen photos; their ids go back into the form, so a refused request does not ask for them again. */
    private List<FieldError> storePhotos(ReturnForm form, Eligibility eligibility, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < eligibility.lines().size(); i++) {
            ReturnForm.LineChoice choice =
                    form.choiceFor(eligibility.lines().get(i).orderLineId());
            if (choice.getQuantity() <= 0) {
                continue;
            }
            for (MultipartFile photo : choice.chosenPhotos()) {
                try {
                    choice.getPhotoIds().add(returns.storePhoto(photo.getBytes(), null, null));
                } catch (Problem refused) {
                    errors.add(new FieldError(
                            "line-" + i + "-photos",
                            pages.text("returns.portal.error.photo-file", locale, photo.getOriginalFilename())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            choice.setPhotos(List.of());
        }
        return errors;
    }

    private static RequestReturn command(OrderId order, ReturnForm form, Eligibility eligibility) {
        List<RequestReturn.Item> items = new ArrayList<>();
        for (Eligibility.Line line : eligibility.lines()) {
            ReturnForm.LineChoice choice = form.choiceFor(line.orderLineId());
            if (choice.getQuantity() <= 0) {
                continue;
            }
            String wanted =
                    choice.getExchangeSku() == null || choice.getExchangeSku().isBlank()
                            ? line.sku()
                            : choice.getExchangeSku();
            items.add(new RequestReturn.Item(
                    line.orderLineId(),
                    choice.getQuantity(),
                    choice.getReasonCode(),
                    choice.getComment(),
                    choice.getOutcome(),
                    exchanges(choice.getOutcome()) ? wanted : null,
                    null,
                    choice.getPhotoIds()));
        }
        return new RequestReturn(
                order,
                ReturnChannel.PORTAL,
                form.getMethod(),
                form.getMethod() == ReturnMethod.IN_STORE ? form.getLocationCode() : null,
                items,
                form.isGift(),
                form.isGift() ? form.getGiftRecipientEmail() : null,
                ACTOR);
    }

    /**
     * What the request asks, for its idempotency key: the photos are left out, as a form sent twice
     * uploads its files twice under new ids.
     */
    private static String fingerprint(RequestReturn command) {
        StringBuilder text = new StringBuilder()
                .append(command.orderId().id())
                .append('|')
                .append(command.method())
                .append('|')
                .append(command.locationCode())
                .append('|')
                .append(command.gift())
                .append('|')
                .append(command.giftRecipientEmail());
        for (RequestReturn.Item item : command.items()) {
            text.append('|')
                    .append(item.orderLineId())
                    .append(',')
                    .append(item.quantity())
                    .append(',')
                    .append(item.reasonCode())
                    .append(',')
                    .append(item.comment())
                    .append(',')
                    .append(item.outcome())
                    .append(',')
                    .append(item.exchangeSku());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal of the domain in the customer's words when the rule has them, else the domain's text. */
    private FieldError refusal(ReturnRefused refused, Locale locale) {
        Map<String, Object> properties = refused.getBody().getProperties();
        if (properties != null && properties.get("refusals") instanceof List<?> rules && !rules.isEmpty()) {
            // Refused by policy rules: each rule in the customer's words, as the lines show them.
            return new FieldError(
                    "items",
                    String.join(
                            " ",
                            rules.stream()
                                    .filter(Refusal.class::isInstance)
                                    .map(Refusal.class::cast)
                                    .map(rule -> pages.text(
                                            rule.messageKey(),
                                            locale,
                                            rule.arguments().toArray()))
                                    .toList()));
        }
        String key = "returns.portal.refused." + refused.rule();
        String text = pages.text(key, locale);
        return new FieldError("items", text.equals(key) ? refused.getBody().getDetail() : text);
    }

    private Optional<OrderId> grantedOrder(String orderId, HttpServletRequest request) {
        return uuid(orderId).map(OrderId::new).filter(order -> access.granted(request, order));
    }

    private Optional<ReturnView> grantedReturn(String returnId, HttpServletRequest request) {
        return uuid(returnId)
                .flatMap(id -> returns.find(new ReturnId(id)))
                .filter(found -> access.granted(request, found.orderId()));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        common(request, model);
        return "returns/not-found";
    }

    private static String notFoundInLookup(Model model) {
        model.addAttribute("notFound", true);
        return "returns/lookup";
    }

    private void common(HttpServletRequest request, Model model) {
        model.addAttribute("brand", branding.current());
        model.addAttribute("languages", languages(request));
    }

    private static Locale locale(HttpServletRequest request) {
        Object resolved = request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME);
        return Languages.orFallback(resolved instanceof Locale locale ? locale : request.getLocale());
    }

    private static List<LanguageLink> languages(HttpServletRequest request) {
        return Languages.links(locale(request), request.getRequestURI());
    }
}
