package org.aftercart.notifications.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Webhook endpoints",
        description = "The merchant's systems that receive Aftercart's business events as signed webhooks"
                + " (Standard Webhooks; see docs/webhooks.md)")
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
class WebhookEndpointApiController {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Notifications notifications;
    private final WebhookSettings settings;
    private final WebhookDestinations destinations;
    private final Clock clock;

    WebhookEndpointApiController(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            Notifications notifications,
            WebhookSettings settings,
            WebhookDestinations destinations,
            Clock clock) {
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(
            summary = "Register an endpoint",
            description = "The answer carries the endpoint's signing secret (whsec_…): it is shown this once.")
    @PostMapping
    ResponseEntity<WebhookEndpoints.Created> create(@Valid @RequestBody WebhookEndpointRequests.Create request) {
        var created = endpoints.create(
                reachable(WebhookEndpointRequests.url(request.url())),
                request.description(),
                WebhookEndpointRequests.eventTypes(request.eventTypes()));
        return ResponseEntity.created(URI.create(
                        "/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .body(created);
    }

    @Operation(summary = "Every endpoint, enabled or not (without secrets)")
    @GetMapping
    List<WebhookEndpoint> list() {
        return endpoints.list();
    }

    @Operation(summary = "Read an endpoint (without secrets)")
    @GetMapping("/{id}")
    WebhookEndpoint get(@PathVariable UUID id) {
        return endpoints.find(id).orElseThrow(() -> new WebhookEndpointNotFound(id));
    }

    @Operation(
            summary = "Change an endpoint's URL, event types or state",
            description = "Replaces them: absent eventTypes is every type, absent enabled is true.")
    @PutMapping("/{id}")
    WebhookEndpoint update(@PathVariable UUID id, @Valid @RequestBody WebhookEndpointRequests.Update request) {
        return endpoints
                .update(
                        id,
                        reachable(WebhookEndpointRequests.url(request.url())),
                        request.description(),
                        WebhookEndpointRequests.eventTypes(request.eventTypes()),
                        request.enabled() == null || request.enabled())
                .orElseThrow(() -> new WebhookEndpointNotFound(id));
    }

    @Operation(
            summary = "Delete an endpoint",
            description = "It is disabled, not erased: its deliveries stay inspectable, and those not yet"
                    + " sent are not sent.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, Principal principal) {
        if (!endpoints.disable(id, "Deleted through the API by " + principal.getName() + ".")) {
            throw new WebhookEndpointNotFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Rotate the signing secret",
            description = "Returns the new secret, shown this once. Until previousSecretValidUntil deliveries"
                    + " carry two signatures, one per secret, so the receiver can switch without refusing any.")
    @PostMapping("/{id}/rotate-secret")
    WebhookEndpoints.Rotated rotateSecret(@PathVariable UUID id) {
        return endpoints
                .rotate(id, clock.instant().plus(settings.rotationGrace()))
                .orElseThrow(() -> new WebhookEndpointNotFound(id));
    }

    @Operation(summary = "The endpoint's latest deliveries, newest first")
    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveries.Delivery> deliveries(
            @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        get(id);
        return deliveries.of(id, limit);
    }

    @Operation(summary = "One delivery with every attempt (outcome, the endpoint's status code or error)")
    @GetMapping("/{id}/deliveries/{delivery}")
    MessageView delivery(@PathVariable UUID id, @PathVariable UUID delivery) {
        if (!deliveries.belongsTo(delivery, id)) {
            throw new WebhookDeliveryNotFound(id, delivery);
        }
        return notifications.find(delivery).orElseThrow(() -> new WebhookDeliveryNotFound(id, delivery));
    }

    @Operation(
            summary = "Send a failed or undeliverable delivery again",
            description = "With the same webhook-id, so a receiver that did take it can drop the copy. 409 when it"
                    + " is not failed or undeliverable.")
    @PostMapping("/{id}/deliveries/{delivery}/retry")
    ResponseEntity<Void> retry(@PathVariable UUID id, @PathVariable UUID delivery) {
        if (!deliveries.belongsTo(delivery, id)) {
            throw new WebhookDeliveryNotFound(id, delivery);
        }
        notifications.retry(delivery);
        return ResponseEntity.accepted().build();
    }

    private String reachable(String url) {
        destinations.refusal(URI.create(url)).ifPresent(refusal -> {
            throw new InvalidWebhookEndpoint(refusal.reason());
        });
        return url;
    }
}
