package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.notifications.Notifications;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderView;
import org.aftercart.payments.Payments;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.Returns;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order list with its search, one order with everything that happened to it (the messages sent
 * about it too), and cancelling. Changing it is {@link OrderChangeAdminController}'s.
 */
@Controller
@RequestMapping("/admin/orders")
class OrderAdminController {

    static final int PAGE_SIZE = 25;
    static final int MAX_REASON_LENGTH = 500;

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final Payments payments;
    private final Inventory inventory;
    private final Notifications notifications;
    private final Returns returns;
    private final ConsoleText text;
    private final ConsoleAccess access;
    private final OrderChangeOptions changes;

    OrderAdminController(
            OrderManagement orders,
            Fulfillment fulfillment,
            Payments payments,
            Inventory inventory,
            Notifications notifications,
            Returns returns,
            ConsoleText text,
            ConsoleAccess access,
            OrderChangeOptions changes) {
        this.access = access;
        this.changes = changes;
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.payments = payments;
        this.inventory = inventory;
        this.notifications = notifications;
        this.returns = returns;
        this.text = text;
    }

    /**
     * The list. An htmx request from the search box gets only the results, so the table refreshes
     * in place; any other request (no JavaScript, a bookmark, a history restore) gets the whole page.
     */
    @GetMapping
    String list(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            HttpServletResponse response,
            Model model) {
        String trimmed = query.strip();
        model.addAttribute("query", trimmed);
        model.addAttribute("results", orders.search(trimmed, Math.max(page, 0), PAGE_SIZE));
        response.addHeader("Vary", "HX-Request");
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "admin/orders :: results" : "admin/orders";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        OrderId orderId = new OrderId(id);
        return page(orders.find(orderId).orElseThrow(() -> new OrderNotFound(id.toString())), model);
    }

    /** The order's page as it is now, with what the signed-in staff member may do on it. */
    String page(OrderView order, Model model) {
        OrderId orderId = order.id();
        UUID id = orderId.id();
        Map<String, Location> locations =
                inventory.locations().stream().collect(Collectors.toMap(Location::code, Function.identity()));
        model.addAttribute("order", order);
        model.addAttribute("fulfillmentOrders", fulfillment.ofOrder(orderId));
        model.addAttribute("parcels", fulfillment.parcelsOf(orderId));
        model.addAttribute("transactions", payments.transactionsOf(id));
        model.addAttribute("journal", orders.journal(orderId));
        model.addAttribute("notifications", notifications.ofOrder(orderId));
        model.addAttribute("returns", returns.ofOrder(orderId));
        model.addAttribute("locations", locations);
        model.addAttribute(
                "canCancel", order.changeable() && access.may(HttpMethod.POST, "/admin/orders/" + id + "/cancel"));
        model.addAttribute("maxReasonLength", MAX_REASON_LENGTH);
        changes.addTo(model, order);
        return "admin/order";
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            RedirectAttributes redirect) {
        String trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON_LENGTH) {
            Flash.error(redirect, text.get("order.cancel.reason-invalid", MAX_REASON_LENGTH));
            return redirectTo(id);
        }
        try {
            OrderId orderId = new OrderId(id);
            OrderView before = orders.find(orderId).orElseThrow(() -> new OrderNotFound(id.toString()));
            OrderView cancelled = orders.cancel(orderId, trimmed, ConsoleActor.of(principal));
            StaffAudit.change(AuditSnapshots.of(before), AuditSnapshots.of(cancelled));
            Flash.success(redirect, text.get("order.cancel.done", cancelled.number()));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return redirectTo(id);
    }

    static String redirectTo(UUID orderId) {
        return "redirect:/admin/orders/" + orderId;
    }
}
