package org.aftercart.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.CustomerId;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications", description = "Messages to customers: what was sent, why not, and by which channel")
@RestController
@RequestMapping("/api/v1")
class NotificationApiController {

    private final Notifications notifications;
    private final OrderManagement orders;

    NotificationApiController(Notifications notifications, OrderManagement orders) {
        this.notifications = notifications;
        this.orders = orders;
    }

    @Operation(summary = "The messages of an order or a customer, newest first")
    @GetMapping("/messages")
    List<MessageView> messages(
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable UUID customerId) {
        if (orderId != null) {
            return notifications.ofOrder(new OrderId(orderId));
        }
        if (customerId != null) {
            return notifications.ofCustomer(new CustomerId(customerId));
        }
        throw new MissingMessageFilter();
    }

    @Operation(summary = "One message with every delivery attempt")
    @GetMapping("/messages/{id}")
    MessageView message(@PathVariable UUID id) {
        return notifications.find(id).orElseThrow(() -> new MessageNotFound(id));
    }

    @Operation(
            summary = "Send a failed or undeliverable message again",
            description = "Answers 409 for a message that is not failed or undeliverable.")
    @PostMapping("/messages/{id}/retry")
    ResponseEntity<MessageView> retry(@PathVariable UUID id) {
        notifications.retry(id);
        return ResponseEntity.accepted().body(notifications.find(id).orElseThrow());
    }

    /**
     * @param phone the number to text, for SMS; the customer's own when left out
     */
    record OrderChannelRequest(@NotNull ContactChannel channel, @Nullable @Size(max = 40) String phone) {}

    @Operation(
            summary = "Choose the channel for one order's messages",
            description = "\"Text me about this order\": this order's messages go by this channel (and to this"
                    + " number for SMS), whatever the customer chose in general.")
    @PutMapping("/orders/{orderId}/message-channel")
    ResponseEntity<Void> chooseChannel(@PathVariable UUID orderId, @Valid @RequestBody OrderChannelRequest request) {
        OrderView order = orders.find(new OrderId(orderId)).orElseThrow(() -> new OrderNotFound(orderId.toString()));
        String country = order.shipTo() == null ? null : order.shipTo().country();
        notifications.chooseChannelForOrder(order.id(), request.channel(), request.phone(), country);
        return ResponseEntity.noContent().build();
    }
}
