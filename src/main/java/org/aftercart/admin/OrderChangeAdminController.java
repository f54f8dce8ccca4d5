package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.orders.ChangePreview;
import org.aftercart.orders.InvalidOrder;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotChangeable;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.StaffAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent changes an order for the customer, by the same rules as the customer's own account: a
 * line's quantity, another size or colour of the same product, removing a line, or where it goes.
 * Each change is first shown with its price difference (computed by the order core, nothing
 * written), then confirmed with the version the agent saw, so that a change made meanwhile refuses
 * the confirmation instead of doing something else. A refusal shows the order as it is now, with
 * why, and writes nothing.
 */
@Controller
@RequestMapping("/admin/orders/{id}/changes")
class OrderChangeAdminController {

    static final String QUANTITY = "QUANTITY";
    static final String VARIANT = "VARIANT";
    static final String REMOVE = "REMOVE";
    static final String ADDRESS = "ADDRESS";
    static final int MAX_FIELD_LENGTH = 200;
    static final List<String> ADDRESS_FIELDS = List.of("name", "line1", "line2", "city", "postcode", "region");

    private final OrderManagement orders;
    private final OrderAdminController pages;
    private final Catalog catalog;
    private final ConsoleText text;

    OrderChangeAdminController(OrderManagement orders, OrderAdminController pages, Catalog catalog, ConsoleText text) {
        this.orders = orders;
        this.pages = pages;
        this.catalog = catalog;
        this.text = text;
    }

    /** Shows what the change would do, with the price difference, and asks to confirm it. */
    @PostMapping("/preview")
    String preview(
            @PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        StaffAudit.changesNothing();
        OrderView order = find(id);
        try {
            OrderChange change = parse(order, form);
            ChangePreview preview = orders.previewChange(order.id(), change, version(form));
            model.addAttribute("order", order);
            model.addAttribute("preview", preview);
            model.addAttribute("change", form.getOrDefault("change", ""));
            model.addAttribute("fields", confirmFields(form));
            model.addAttribute("quantity", form.getOrDefault("quantity", "").strip());
            model.addAttribute("lineTitle", lineTitle(order, form.getOrDefault("line", "")));
            model.addAttribute(
                    "newTitle",
                    catalog.findBySku(form.getOrDefault("sku", "").strip())
                            .map(ProductVariant::displayTitle)
                            .orElse(form.getOrDefault("sku", "")));
            model.addAttribute(
                    "newAddress",
                    change instanceof OrderChange.ChangeShippingAddress address ? address.address() : null);
            return "admin/order-change-preview";
        } catch (Refused refused) {
            return refused(order, HttpStatus.BAD_REQUEST, text.get(refused.key), response, model);
        } catch (OrderNotChangeable | InvalidOrder problem) {
            return refused(order, problem, response, model);
        }
    }

    /** Makes the change previewed, unless the order moved on since the preview. */
    @PostMapping
    String confirm(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = find(id);
        try {
            OrderChange change = parse(order, form);
            Long expected = version(form);
            if (expected == null) {
                return refused(order, HttpStatus.CONFLICT, text.get("order-change.refused.stale"), response, model);
            }
            OrderView changed = orders.change(order.id(), change, ConsoleActor.of(principal), expected);
            StaffAudit.change(AuditSnapshots.of(order), AuditSnapshots.of(changed));
            Flash.success(redirect, text.get("order-change.done", changed.number()));
            return OrderAdminController.redirectTo(id);
        } catch (Refused refused) {
            return refused(order, HttpStatus.BAD_REQUEST, text.get(refused.key), response, model);
        } catch (OrderNotChangeable | InvalidOrder problem) {
            return refused(order, problem, response, model);
        }
    }

    private OrderView find(UUID id) {
        return orders.find(new OrderId(id)).orElseThrow(() -> new OrderNotFound(id.toString()));
    }

    private String refused(OrderView order, ErrorResponseException problem, HttpServletResponse response, Model model) {
        String detail = problem.getMessage() == null ? "" : problem.getMessage();
        String reason = problem instanceof OrderNotChangeable && detail.contains("changed meanwhile")
                ? text.get("order-change.refused.stale")
                : text.problem(problem);
        return refused(order, HttpStatus.valueOf(problem.getStatusCode().value()), reason, response, model);
    }

    /** The order as it is now, so that the agent sees what changed meanwhile, with the refusal on top. */
    private String refused(
            OrderView order, HttpStatus status, String reason, HttpServletResponse response, Model model) {
        StaffAudit.rejected(reason);
        response.setStatus(status.value());
        model.addAttribute(Flash.ATTRIBUTE, new Flash(Flash.Kind.ERROR, reason));
        return pages.page(orders.find(order.id()).orElse(order), model);
    }

    /** The change the form asks for; refused when a field was forged, left out or out of bounds. */
    private static OrderChange parse(OrderView order, Map<String, String> form) {
        String change = form.getOrDefault("change", "");
        if (ADDRESS.equals(change)) {
            return new OrderChange.ChangeShippingAddress(address(order, form));
        }
        UUID lineId;
        try {
            lineId = UUID.fromString(form.getOrDefault("line", "").strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("order-change.refused.invalid");
        }
        return switch (change) {
            case REMOVE -> new OrderChange.RemoveItem(lineId);
            case VARIANT -> {
                String sku = form.getOrDefault("sku", "").strip();
                // The order core refuses a SKU of another product; this only keeps out the absurd.
                if (sku.isEmpty() || sku.length() > 64) {
                    throw new Refused("order-change.refused.invalid");
                }
                yield new OrderChange.ChangeVariant(lineId, sku);
            }
            case QUANTITY -> {
                int wanted;
                try {
                    wanted = Integer.parseInt(form.getOrDefault("quantity", "").strip());
                } catch (NumberFormatException e) {
                    throw new Refused("order-change.refused.quantity");
                }
                if (wanted < 1 || wanted > OrderChangeOptions.MAX_QUANTITY) {
                    throw new Refused("order-change.refused.quantity");
                }
                yield new OrderChange.ChangeQuantity(lineId, wanted);
            }
            default -> throw new Refused("order-change.refused.invalid");
        };
    }

    /**
     * The new address; the country stays, as in the customer's account: another country changes
     * taxes, carriers and prices, which is a new order.
     */
    private static ShippingAddress address(OrderView order, Map<String, String> form) {
        ShippingAddress current = order.shipTo();
        if (current == null) {
            throw new Refused("order-change.refused.no-address");
        }
        ShippingAddress wanted = new ShippingAddress(
                field(form, "name"),
                field(form, "line1"),
                field(form, "line2"),
                field(form, "city"),
                field(form, "postcode"),
                field(form, "region"),
                current.country());
        for (String required : new String[] {wanted.name(), wanted.line1(), wanted.city(), wanted.postcode()}) {
            if (required == null) {
                throw new Refused("order-change.refused.address-incomplete");
            }
        }
        for (String name : ADDRESS_FIELDS) {
            String value = field(form, name);
            if (value != null && value.length() > MAX_FIELD_LENGTH) {
                throw new Refused("order-change.refused.address-too-long");
            }
        }
        return wanted;
    }

    private static @Nullable String field(Map<String, String> form, String name) {
        String value = form.getOrDefault(name, "").strip();
        return value.isEmpty() ? null : value;
    }

    private static @Nullable Long version(Map<String, String> form) {
        String version = form.getOrDefault("version", "").strip();
        if (version.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new Refused("order-change.refused.invalid");
        }
    }

    /** The fields the confirmation posts again, as previewed (the version comes from the preview). */
    private static List<Map.Entry<String, String>> confirmFields(Map<String, String> form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String name : List.of("change", "line", "quantity", "sku")) {
            if (form.containsKey(name)) {
                fields.add(Map.entry(name, form.get(name).strip()));
            }
        }
        if (ADDRESS.equals(form.get("change"))) {
            ADDRESS_FIELDS.forEach(name ->
                    fields.add(Map.entry(name, form.getOrDefault(name, "").strip())));
        }
        return fields;
    }

    private static String lineTitle(OrderView order, String line) {
        return order.lines().stream()
                .filter(candidate -> candidate.id().toString().equals(line.strip()))
                .map(OrderView.Line::title)
                .findFirst()
                .orElse("");
    }

    /** A change refused before the order core is asked, with the message key that says why. */
    private static final class Refused extends RuntimeException {

        final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }
}
