package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aftercart.orders.InvalidOrder;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotChangeable;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.ShippingAddress;
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
 * The customer changes where an order goes while it can still be changed. The country stays: another
 * country changes taxes, carriers and prices, which is a new order. Saved with the order version the
 * form was opened on, so a change made meanwhile (or packing started) refuses it.
 */
@Controller
class AccountAddressController {

    static final int MAX_FIELD_LENGTH = 200;

    private final AccountOrdersController pages;
    private final OrderManagement orders;

    AccountAddressController(AccountOrdersController pages, OrderManagement orders) {
        this.pages = pages;
        this.orders = orders;
    }

    @GetMapping("/account/orders/{orderId}/address")
    String form(
            @PathVariable String orderId,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = pages.own(orderId, signedIn);
        if (order.isEmpty() || order.get().shipTo() == null) {
            return pages.notFound(signedIn, request, response, model);
        }
        if (!order.get().changeable()) {
            return pages.refused(
                    order.get(), "account.order.refused.not-changeable", signedIn, request, response, model);
        }
        return show(order.get(), order.get().shipTo(), order.get().version(), List.of(), signedIn, request, model);
    }

    @PostMapping("/account/orders/{orderId}/address")
    String change(
            @PathVariable String orderId,
            @RequestParam Map<String, String> fields,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OrderView> order = pages.own(orderId, signedIn);
        if (order.isEmpty() || order.get().shipTo() == null) {
            return pages.notFound(signedIn, request, response, model);
        }
        ShippingAddress current = order.get().shipTo();
        ShippingAddress wanted = new ShippingAddress(
                field(fields, "name"),
                field(fields, "line1"),
                field(fields, "line2"),
                field(fields, "city"),
                field(fields, "postcode"),
                field(fields, "region"),
                current.country());
        Long version = version(fields.get("version"));
        List<String> errors = errors(wanted);
        if (version == null) {
            return pages.refused(order.get(), "account.order.refused.stale", signedIn, request, response, model);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(order.get(), wanted, version, errors, signedIn, request, model);
        }
        try {
            orders.change(
                    order.get().id(),
                    new OrderChange.ChangeShippingAddress(wanted),
                    AccountOrdersController.actor(signedIn),
                    version);
            return "redirect:/account/orders/" + order.get().id().id() + "?done=address";
        } catch (OrderNotChangeable | InvalidOrder refusal) {
            return pages.refused(
                    order.get(), AccountOrdersController.refusalOf(refusal), signedIn, request, response, model);
        }
    }

    private String show(
            OrderView order,
            ShippingAddress address,
            long version,
            List<String> errors,
            Authentication signedIn,
            HttpServletRequest request,
            Model model) {
        pages.common(signedIn, request, model);
        model.addAttribute("order", order);
        model.addAttribute("address", address);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "account/address";
    }

    /** Message keys of the fields that are missing or too long, in the order of the form. */
    private static List<String> errors(ShippingAddress address) {
        List<String> errors = new ArrayList<>();
        require(address.name(), "account.address.error.name", errors);
        require(address.line1(), "account.address.error.line1", errors);
        require(address.postcode(), "account.address.error.postcode", errors);
        require(address.city(), "account.address.error.city", errors);
        for (String value : new String[] {address.line2(), address.region()}) {
            if (value != null && value.length() > MAX_FIELD_LENGTH) {
                errors.add("account.address.error.too-long");
            }
        }
        return errors.stream().distinct().toList();
    }

    private static void require(@Nullable String value, String key, List<String> errors) {
        if (value == null) {
            errors.add(key);
        } else if (value.length() > MAX_FIELD_LENGTH) {
            errors.add("account.address.error.too-long");
        }
    }

    private static @Nullable String field(Map<String, String> fields, String name) {
        String value = fields.getOrDefault(name, "").strip();
        return value.isEmpty() ? null : value;
    }

    private static @Nullable Long version(@Nullable String version) {
        try {
            return version == null ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException forged) {
            return null;
        }
    }
}
