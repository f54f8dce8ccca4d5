package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.ChangePreview;
import org.aftercart.orders.InvalidOrder;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotChangeable;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One of the customer's orders: lines, parcels with their tracking, and what may still be done.
 * A change is shown with its price difference (computed by the order core, nothing written) before
 * the customer confirms it; the confirmation and a cancellation carry the version the customer
 * saw, so that a stale page is refused instead of doing something else. Another customer's order,
 * or no order, is "not found" alike: nothing tells that it exists.
 */
@Controller
class AccountOrdersController {

    static final String QUANTITY = "QUANTITY";
    static final String REMOVE = "REMOVE";
    static final String VARIANT = "VARIANT";
    static final int MAX_QUANTITY = 99;
    /** How long the hand-over link to the returns portal works. */
    static final Duration RETURN_HAND_OVER = Duration.ofMinutes(30);

    private final AccountPages pages;
    private final AccountController account;
    private final Customers customers;
    private final OrderManagement orders;
    private final Tracking tracking;
    private final TrackingLinks trackingLinks;
    private final Reorders reorders;
    private final OrderHelp help;
    private final Catalog catalog;

    AccountOrdersController(
            AccountPages pages,
            AccountController account,
            Customers customers,
            OrderManagement orders,
            Tracking tracking,
            TrackingLinks trackingLinks,
            Reorders reorders,
            Catalog catalog,
            OrderHelp help) {
        this.help = help;
        this.pages = pages;
        this.account = account;
        this.customers = customers;
        this.orders = orders;
        this.tracking = tracking;
        this.trackingLinks = trackingLinks;
        this.reorders = reorders;
        this.catalog = catalog;
    }

    @GetMapping("/account/orders/{orderId}")
    String order(
            @PathVariable String orderId,
            @RequestParam(required = false) @Nullable String done,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = own(orderId, signedIn);
        if (order.isEmpty()) {
            return notFound(signedIn, request, response, model);
        }
        model.addAttribute(
                "done",
                done == null
                        ? null
                        : switch (done) {
                            case "changed", "cancelled", "address" -> done;
                            default -> null;
                        });
        return orderPage(order.get(), signedIn, request, model);
    }

    /** Shows what the change would do, with the price difference, and asks to confirm it. */
    @PostMapping("/account/orders/{orderId}/preview")
    String preview(
            @PathVariable String orderId,
            ChangeForm form,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = own(orderId, signedIn);
        if (order.isEmpty()) {
            return notFound(signedIn, request, response, model);
        }
        try {
            OrderChange requested = parse(form);
            ChangePreview preview = orders.previewChange(order.get().id(), requested, version(form.version()));
            common(signedIn, request, model);
            model.addAttribute("order", order.get());
            model.addAttribute("preview", preview);
            model.addAttribute("change", form.change());
            model.addAttribute("line", form.line());
            model.addAttribute("quantity", form.quantity());
            model.addAttribute("sku", form.sku());
            model.addAttribute("lineTitle", lineTitle(order.get(), form.line()));
            model.addAttribute(
                    "newTitle",
                    catalog.findBySku(form.sku())
                            .map(ProductVariant::displayTitle)
                            .orElse(form.sku()));
            return "account/change-preview";
        } catch (OrderNotChangeable | InvalidOrder e) {
            return refused(order.get(), refusalOf(e), signedIn, request, response, model);
        } catch (Refused refused) {
            return refused(order.get(), refused.key, signedIn, request, response, model);
        }
    }

    @PostMapping("/account/orders/{orderId}/change")
    String change(
            @PathVariable String orderId,
            ChangeForm form,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = own(orderId, signedIn);
        if (order.isEmpty()) {
            return notFound(signedIn, request, response, model);
        }
        try {
            OrderChange requested = parse(form);
            Long expected = version(form.version());
            if (expected == null) {
                throw new Refused("account.order.refused.stale");
            }
            orders.change(order.get().id(), requested, actor(signedIn), expected);
            return "redirect:/account/orders/" + order.get().id().id() + "?done=changed";
        } catch (OrderNotChangeable | InvalidOrder e) {
            return refused(order.get(), refusalOf(e), signedIn, request, response, model);
        } catch (Refused refused) {
            return refused(order.get(), refused.key, signedIn, request, response, model);
        }
    }

    @GetMapping("/account/orders/{orderId}/cancel")
    String confirmCancel(
            @PathVariable String orderId,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = own(orderId, signedIn);
        if (order.isEmpty()) {
            return notFound(signedIn, request, response, model);
        }
        if (!order.get().changeable()) {
            return refused(order.get(), "account.order.refused.not-changeable", signedIn, request, response, model);
        }
        common(signedIn, request, model);
        model.addAttribute("order", order.get());
        return "account/cancel";
    }

    @PostMapping("/account/orders/{orderId}/cancel")
    String cancel(
            @PathVariable String orderId,
            @RequestParam(defaultValue = "") String version,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = own(orderId, signedIn);
        if (order.isEmpty()) {
            return notFound(signedIn, request, response, model);
        }
        try {
            Long expected = version(version);
            if (expected == null) {
                throw new Refused("account.order.refused.stale");
            }
            orders.cancel(order.get().id(), "Cancelled by the customer in their account", actor(signedIn), expected);
            return "redirect:/account/orders/" + order.get().id().id() + "?done=cancelled";
        } catch (OrderNotChangeable e) {
            return refused(order.get(), refusalOf(e), signedIn, request, response, model);
        } catch (Refused refused) {
            return refused(order.get(), refused.key, signedIn, request, response, model);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The order if it is the signed-in customer's; empty for another customer's, a wrong id or none. */
    Optional<OrderView> own(String orderId, Authentication signedIn) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return orders.find(new OrderId(id)).filter(order -> signedIn.getName().equals(order.customerId()));
    }

    private String orderPage(OrderView order, Authentication signedIn, HttpServletRequest request, Model model) {
        common(signedIn, request, model);
        model.addAttribute("order", order);
        List<ShipmentView> parcels = tracking.shipmentsOf(order.id());
        model.addAttribute("parcels", parcels);
        model.addAttribute("trackingPath", trackingLinks.pathFor(order.id()));
        boolean returnable =
                order.lines().stream().anyMatch(line -> line.quantities().returnable() > 0);
        model.addAttribute(
                "returnPath",
                returnable ? "/returns/start?t=" + trackingLinks.tokenFor(order.id(), RETURN_HAND_OVER) : null);
        model.addAttribute("reorderLink", reorders.cartLink(order));
        model.addAttribute("helpPath", help.pathFor(order, parcels, returnable, pages.locale(request)));
        model.addAttribute("maxQuantity", MAX_QUANTITY);
        Map<UUID, List<ProductVariant>> otherVariants = new HashMap<>();
        if (order.changeable()) {
            for (OrderView.Line line : order.lines()) {
                List<ProductVariant> others = catalog.variantsOfSameProduct(line.sku()).stream()
                        .filter(variant -> variant.active() && !variant.sku().equals(line.sku()))
                        .toList();
                if (line.quantities().active() > 0 && !others.isEmpty()) {
                    otherVariants.put(line.id(), others);
                }
            }
        }
        model.addAttribute("otherVariants", otherVariants);
        return "account/order";
    }

    String refused(
            OrderView order,
            String key,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(
                key.equals("account.order.refused.invalid")
                        ? HttpStatus.BAD_REQUEST.value()
                        : HttpStatus.CONFLICT.value());
        model.addAttribute("refusal", key);
        // The order as it is now, so that the customer sees what changed meanwhile.
        return orderPage(orders.find(order.id()).orElse(order), signedIn, request, model);
    }

    String notFound(Authentication signedIn, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(signedIn, request, model);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "account/not-found";
    }

    void common(Authentication signedIn, HttpServletRequest request, Model model) {
        pages.common(request, model);
        model.addAttribute("signedIn", true);
        @Nullable
        ContactPreferences preferences =
                customers.contactPreferences(CustomerId.of(signedIn.getName())).orElse(null);
        model.addAttribute("fmt", account.format(preferences, request));
    }

    static String actor(Authentication signedIn) {
        return "customer:" + signedIn.getName();
    }

    /** The change the form asks for; refused when a field was forged or left out. */
    private OrderChange parse(ChangeForm form) {
        String sku = form.sku();
        String quantity = form.quantity();
        UUID lineId;
        try {
            lineId = UUID.fromString(form.line());
        } catch (IllegalArgumentException e) {
            throw new Refused("account.order.refused.invalid");
        }
        return switch (form.change()) {
            case REMOVE -> new OrderChange.RemoveItem(lineId);
            case VARIANT -> {
                // The order core refuses a SKU of another product; this only keeps out the absurd.
                if (sku.isBlank() || sku.length() > 64) {
                    throw new Refused("account.order.refused.invalid");
                }
                yield new OrderChange.ChangeVariant(lineId, sku.strip());
            }
            case QUANTITY -> {
                int wanted;
                try {
                    wanted = Integer.parseInt(quantity.strip());
                } catch (NumberFormatException e) {
                    throw new Refused("account.order.refused.invalid");
                }
                if (wanted < 1 || wanted > MAX_QUANTITY) {
                    throw new Refused("account.order.refused.invalid");
                }
                yield new OrderChange.ChangeQuantity(lineId, wanted);
            }
            default -> throw new Refused("account.order.refused.invalid");
        };
    }

    private static @Nullable Long version(String version) {
        if (version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new Refused("account.order.refused.invalid");
        }
    }

    private static String lineTitle(OrderView order, String line) {
        return order.lines().stream()
                .filter(candidate -> candidate.id().toString().equals(line))
                .map(OrderView.Line::title)
                .findFirst()
                .orElse("");
    }

    /** The order core's refusal in the customer's words. */
    static String refusalOf(RuntimeException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof OrderNotChangeable) {
            return detail.contains("changed meanwhile")
                    ? "account.order.refused.stale"
                    : "account.order.refused.not-changeable";
        }
        if (detail.contains("last item")) {
            return "account.order.refused.last-item";
        }
        return detail.contains("already removed") ? "account.order.refused.stale" : "account.order.refused.invalid";
    }

    /**
     * The fields of a change form, as posted to the preview and again to confirm it: plain strings,
     * checked by {@link #parse} before anything is read or written; a field left out is empty.
     */
    record ChangeForm(String change, String line, String quantity, String sku, String version) {

        @SuppressWarnings("ConstantValue") // the binder passes null for a field the form left out
        ChangeForm {
            change = change == null ? "" : change;
            line = line == null ? "" : line;
            quantity = quantity == null ? "" : quantity;
            sku = sku == null ? "" : sku;
            version = version == null ? "" : version;
        }
    }

    /** A change the customer may not make, with the message key that says why. */
    private static final class Refused extends RuntimeException {

        final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }
}
