package org.aftercart.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API client that behaves as a careful retailer's system does when a server dies under it: a
 * request that got no answer (refused or cut connection, timeout, 5xx) is sent again, unchanged
 * (same body, same {@code Idempotency-Key}), after a short pause, to the next instance, until an
 * answer comes or {@link #GIVE_UP_AFTER} has passed.
 */
final class RetryingClient {

    /** Long: a start-up on a busy two-core machine can take two minutes and more. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(6);

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** No answer in {@link #GIVE_UP_AFTER}: the request's fate is unknown to the client. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String what) {
            super(what);
        }
    }

    private static final JsonMapper json = JsonMapper.builder().build();

    private final List<String> instances;
    private final String apiKey;
    private final RequestFigures figures;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    RetryingClient(List<String> instances, String apiKey, RequestFigures figures) {
        this.instances = instances;
        this.apiKey = apiKey;
        this.figures = figures;
    }

    int instances() {
        return instances.size();
    }

    /** A JSON request through the API, with an idempotency key or none. */
    Answer api(String kind, String method, String path, @Nullable String body, @Nullable String idempotencyKey) {
        Map<String, String> headers = idempotencyKey == null
                ? Map.of("Authorization", "Bearer " + apiKey)
                : Map.of("Authorization", "Bearer " + apiKey, "Idempotency-Key", idempotencyKey);
        return send(
                kind,
                method,
                path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers,
                firstInstance());
    }

    /** A read through the API; not counted among the requests whose effect is checked. */
    JsonNode read(String path) {
        Answer answer = send(null, "GET", path, null, Map.of("Authorization", "Bearer " + apiKey), firstInstance());
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** A signed webhook, sent first to instance {@code first} (an index). */
    Answer webhook(String kind, String path, byte[] body, Map<String, String> headers, int first) {
        return send(kind, "POST", path, body, headers, first);
    }

    private int firstInstance() {
        return Math.floorMod(next.getAndIncrement(), instances.size());
    }

    private Answer send(
            @Nullable String kind,
            String method,
            String path,
            byte @Nullable [] body,
            Map<String, String> headers,
            int first) {
        if (kind != null) {
            figures.request(kind);
        }
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int attempt = 0; ; attempt++) {
            String base = instances.get((first + attempt) % instances.size());
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            if (kind != null) {
                figures.attempt(kind);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500 && kind != null) {
                    figures.serverError(kind, response.statusCode() + " " + response.body());
                }
                if (response.statusCode() < 500) {
                    Answer answer = new Answer(
                            response.statusCode(),
                            response.body().isBlank() ? json.missingNode() : json.readTree(response.body()));
                    if (kind != null && answer.ok()) {
                        figures.accepted(kind);
                    }
                    return answer;
                }
            } catch (IOException e) {
                // no answer: the server died, or is not up again yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(method + " " + path + ": interrupted");
            }
            if (kind != null) {
                figures.unanswered(kind);
            }
            if (System.nanoTime() > deadline) {
                throw new GaveUp(method + " " + path + ": no answer within " + GIVE_UP_AFTER);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(method + " " + path + ": interrupted");
            }
        }
    }

    /** Counts a request accepted although its answer was a 409: a read showed an earlier attempt did it. */
    void acceptedEarlier(String kind) {
        figures.accepted(kind);
    }
}
