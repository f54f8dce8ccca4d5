package org.aftercart.notifications.webhooks;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.WebhookDestinationSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** {@link WebhookDestinationSettings} over the endpoints table, with the API's checks. */
@Service
class WebhookDestinationConsole implements WebhookDestinationSettings {

    private final WebhookEndpoints endpoints;
    private final WebhookDestinations destinations;

    WebhookDestinationConsole(WebhookEndpoints endpoints, WebhookDestinations destinations) {
        this.endpoints = endpoints;
        this.destinations = destinations;
    }

    @Override
    public List<Destination> list() {
        return endpoints.list().stream()
                .map(WebhookDestinationConsole::destination)
                .toList();
    }

    @Override
    public List<String> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::key)
                .toList();
    }

    @Override
    public Added add(String url, @Nullable String description, List<String> eventTypes) {
        String checked = WebhookEndpointRequests.url(url);
        destinations.refusal(URI.create(checked)).ifPresent(refusal -> {
            throw new InvalidWebhookEndpoint(refusal.reason());
        });
        WebhookEndpoints.Created created =
                endpoints.create(checked, description, WebhookEndpointRequests.eventTypes(eventTypes));
        return new Added(destination(created.endpoint()), created.secret());
    }

    @Override
    public boolean disable(UUID id, String reason) {
        return endpoints.find(id).filter(WebhookEndpoint::enabled).isPresent() && endpoints.disable(id, reason);
    }

    private static Destination destination(WebhookEndpoint endpoint) {
        return new Destination(
                endpoint.id(),
                endpoint.url(),
                endpoint.description(),
                endpoint.eventTypes(),
                endpoint.enabled(),
                endpoint.disabledReason(),
                endpoint.createdAt());
    }
}
