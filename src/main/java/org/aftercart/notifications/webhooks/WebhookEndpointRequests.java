package org.aftercart.notifications.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the webhook endpoint API accepts, and the checks bean validation cannot make. */
final class WebhookEndpointRequests {

    private WebhookEndpointRequests() {}

    /** @param eventTypes the event types to receive; absent or empty: every type */
    record Create(
            @NotBlank @Size(max = 2048) String url,
            @Nullable @Size(max = 500) String description,
            @Nullable @Size(max = 50) List<@NotNull String> eventTypes) {}

    /** Replaces the endpoint's settings: an absent {@code eventTypes} is every type, an absent {@code enabled} is true. */
    record Update(
            @NotBlank @Size(max = 2048) String url,
            @Nullable @Size(max = 500) String description,
            @Nullable @Size(max = 50) List<@NotNull String> eventTypes,
            @Nullable Boolean enabled) {}

    /** An absolute http or https URL with a host. */
    static String url(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidWebhookEndpoint("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidWebhookEndpoint("The url must be an absolute http or https URL, got '" + url + "'");
        }
        return uri.toString();
    }

    /** Known event types, each once; unknown ones are refused with the list of known ones. */
    static List<String> eventTypes(@Nullable List<String> eventTypes) {
        if (eventTypes == null) {
            return List.of();
        }
        for (String type : eventTypes) {
            if (WebhookEventType.of(type).isEmpty()) {
                throw new InvalidWebhookEndpoint("Unknown event type '" + type + "'; known: "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(WebhookEventType.values())
                                        .map(WebhookEventType::key)
                                        .toList()));
            }
        }
        return eventTypes.stream().distinct().toList();
    }
}
