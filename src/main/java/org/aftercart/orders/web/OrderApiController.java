package org.aftercart.orders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.IdempotentOrderIntake;
import org.aftercart.orders.JournalEntry;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderLink;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Orders", description = "Orders from every sales channel, and their changes before packing")
@RestController
@RequestMapping("/api/v1/orders")
class OrderApiController {

    private final OrderManagement orders;
    private final IdempotentOrderIntake intake;
    private final JsonMapper json;
    private final List<OrderLink> links;

    OrderApiController(OrderManagement orders, IdempotentOrderIntake intake, JsonMapper json, List<OrderLink> links) {
        this.orders = orders;
        this.intake = intake;
        this.json = json;
        this.links = links;
    }

    @Operation(
            summary = "Create an order from any sales channel",
            description = "Send an Idempotency-Key header: repeating a request with the same key returns the"
                    + " first order (200) instead of creating another (201). The answer's Link headers name"
                    + " the customer's pages for the order, e.g. rel=\"thank-you\" for the page to send the"
                    + " customer to after checkout.")
    @PostMapping
    ResponseEntity<OrderView> create(
            @Parameter(description = "Unique per order attempt, e.g. a UUID")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey,
            @Valid @RequestBody OrderRequests.CreateOrder request) {
        if (idempotencyKey == null) {
            OrderView order = orders.place(request.toCommand());
            return ResponseEntity.created(location(order))
                    .headers(pageLinks(order))
                    .body(order);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new InvalidIdempotencyKey();
        }
        var outcome = intake.place(request.toCommand(), idempotencyKey, hash(request));
        return outcome.created()
                ? ResponseEntity.created(location(outcome.order()))
                        .headers(pageLinks(outcome.order()))
                        .body(outcome.order())
                : ResponseEntity.ok()
                        .header("Idempotent-Replayed", "true")
                        .headers(pageLinks(outcome.order()))
                        .body(outcome.order());
    }

    @Operation(summary = "Read an order")
    @GetMapping("/{id}")
    OrderView get(@PathVariable UUID id) {
        return orders.find(new OrderId(id)).orElseThrow(() -> new OrderNotFound(id.toString()));
    }

    @Operation(summary = "Find an order by its number")
    @GetMapping
    OrderView byNumber(@RequestParam String number) {
        return orders.findByNumber(number).orElseThrow(() -> new OrderNotFound(number));
    }

    @Operation(summary = "The order's change journal")
    @GetMapping("/{id}/journal")
    List<JournalEntry> journal(@PathVariable UUID id) {
        get(id);
        return orders.journal(new OrderId(id));
    }

    @Operation(
            summary = "Change an order before packing starts",
            description = "Refused with 409 once packing has started. The price difference is settled through"
                    + " the payment provider after the change commits.")
    @PostMapping("/{id}/changes")
    OrderView change(@PathVariable UUID id, @Valid @RequestBody OrderRequests.Change request, Principal principal) {
        return orders.change(
                new OrderId(id),
                request.toChange(),
                actor(principal, request.requestedBy()),
                request.expectedVersion());
    }

    @Operation(summary = "Cancel the whole order before packing starts")
    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id, @Valid @RequestBody OrderRequests.Cancel request, Principal principal) {
        return orders.cancel(new OrderId(id), request.reason(), actor(principal, request.requestedBy()));
    }

    private static String actor(Principal principal, @Nullable String requestedBy) {
        return requestedBy == null ? principal.getName() : requestedBy + " via " + principal.getName();
    }

    /** One {@code Link} header per customer page other modules serve for the order. */
    private HttpHeaders pageLinks(OrderView order) {
        HttpHeaders headers = new HttpHeaders();
        links.forEach(link ->
                headers.add(HttpHeaders.LINK, "<" + link.linkFor(order.id()) + ">; rel=\"" + link.relation() + "\""));
        return headers;
    }

    private static URI location(OrderView order) {
        return URI.create("/api/v1/orders/" + order.id());
    }

    private String hash(OrderRequests.CreateOrder request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
