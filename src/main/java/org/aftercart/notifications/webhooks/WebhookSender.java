package org.aftercart.notifications.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aftercart.notifications.MessageSender;
import org.aftercart.notifications.OutgoingMessage;
import org.aftercart.notifications.SendResult;
import org.aftercart.shared.RetryAfter;
import org.springframework.stereotype.Component;

/**
 * POSTs a webhook to its endpoint, signed as Standard Webhooks says (docs/webhooks.md). The {@code
 * webhook-id} is made from the message's id, so every retry of one delivery carries the same one
 * and a receiver can drop copies; the timestamp and signature are made afresh for each attempt.
 * 2xx: sent. 410 Gone: the endpoint is disabled and the delivery undeliverable. Another status, or
 * no connection: tried again later. No answer in time: the endpoint may have taken it; tried again
 * later with the same id.
 */
@Component
class WebhookSender implements MessageSender {

    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookEndpoints endpoints, WebhookSettings settings, WebhookDestinations destinations, Clock clock) {
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String channel() {
        return "WEBHOOK";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Optional<WebhookEndpoints.Target> found =
                endpointId(message).flatMap(id -> endpoints.target(id, clock.instant()));
        if (found.isEmpty()) {
            return SendResult.rejected("The webhook endpoint " + message.recipient() + " no longer exists.");
        }
        WebhookEndpoints.Target endpoint = found.get();
        if (!endpoint.enabled()) {
            return SendResult.rejected("The webhook endpoint is disabled: " + endpoint.disabledReason());
        }
        Optional<WebhookDestinations.Refusal> refusal = destinations.refusal(URI.create(endpoint.url()));
        if (refusal.isPresent()) {
            // A name that stops resolving may come back; one that now points inside never should.
            return refusal.get().unresolved()
                    ? SendResult.retry(refusal.get().reason())
                    : SendResult.rejected(refusal.get().reason());
        }
        String webhookId = "msg_" + message.id();
        long timestamp = clock.instant().getEpochSecond();
        String signatures = endpoint.secrets().stream()
                .map(secret -> secret.sign(webhookId, timestamp, message.text()))
                .collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.readTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Aftercart-Webhooks/1")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(message.text(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is not read: the timeout covers only the wait for its status line, and
            // an endpoint that never finishes its body would hold this delivery forever.
            response.body().close();
            return outcome(endpointId(message).orElseThrow(), response);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return SendResult.retry("Could not connect to " + endpoint.url() + ": " + describe(e));
        } catch (HttpTimeoutException e) {
            return SendResult.unknown(
                    "No answer within " + settings.readTimeout().toSeconds() + " s: " + describe(e));
        } catch (IOException e) {
            return SendResult.retry("The connection failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.unknown("Interrupted while waiting for the endpoint's answer");
        }
    }

    private SendResult outcome(UUID endpointId, HttpResponse<?> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.sent(null);
        }
        String detail = "The endpoint answered " + status;
        if (status == 410) {
            endpoints.disable(endpointId, "The endpoint answered 410 Gone at " + clock.instant() + ".");
            return SendResult.rejected(detail + " (the endpoint is now disabled)");
        }
        Duration retryAfter = RetryAfter.parse(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                .orElse(null);
        return retryAfter == null
                ? SendResult.retry(detail)
                : SendResult.retry(detail + " and asks to wait " + retryAfter.toSeconds() + " s", retryAfter);
    }

    private static Optional<UUID> endpointId(OutgoingMessage message) {
        try {
            return Optional.of(UUID.fromString(message.recipient()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
