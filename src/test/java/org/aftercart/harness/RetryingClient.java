package org.aftercart.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
 * answer comes or {@link #GIVE_UP_AFTER} (or the time given) has passed. It also opens customer
 * pages as a browser does, and times every exchange in {@link RequestFigures}.
 */
final class RetryingClient {

    /** Long: a start-up on a busy two-core machine can take two minutes and more. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(6);

    /** An answer: its status, its JSON body (a missing node when it is not JSON), its headers. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {
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
    private final Duration giveUpAfter;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    RetryingClient(List<String> instances, String apiKey, RequestFigures figures) {
        this(instances, apiKey, figures, GIVE_UP_AFTER);
    }

    /** A client that gives up on a request after {@code giveUpAfter} without an answer. */
    RetryingClient(List<String> instances, String apiKey, RequestFigures figures, Duration giveUpAfter) {
        this.instances = instances;
        this.apiKey = apiKey;
        this.figures = figures;
        this.giveUpAfter = giveUpAfter;
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

    /**
     * A read through the API; {@code kind} starts with {@code GET}, so {@link RequestFigures} leaves it
     * out of the requests whose effect is checked.
     */
    JsonNode read(String kind, String path) {
        Answer answer = send(kind, "GET", path, null, Map.of("Authorization", "Bearer " + apiKey), firstInstance());
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** A customer's page (HTML), as a browser asks for it: no API key. */
    Answer page(String kind, String path) {
        return send(kind, "GET", path, null, Map.of("Accept", "text/html"), firstInstance());
    }

    /** A signed webhook, sent first to instance {@code first} (an index). */
    Answer webhook(String kind, String path, byte[] body, Map<String, String> headers, int first) {
        return send(kind, "POST", path, body, headers, first);
    }

    private int firstInstance() {
        return Math.floorMod(next.getAndIncrement(), instances.size());
    }

    private Answer send(
            String kind, String method, String path, byte @Nullable [] body, Map<String, String> headers, int first) {
        figures.request(kind);
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
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
            figures.attempt(kind);
            try {
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                figures.answered(kind, response.statusCode(), System.nanoTime() - sent);
                if (response.statusCode() >= 500) {
                    figures.serverError(kind, response.statusCode() + " " + response.body());
                }
                if (response.statusCode() < 500) {
                    Answer answer = new Answer(response.statusCode(), json(response), response.headers());
                    if (answer.ok()) {
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
            figures.unanswered(kind);
            if (System.nanoTime() > deadline) {
                throw new GaveUp(method + " " + path + ": no answer within " + giveUpAfter);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(method + " " + path + ": interrupted");
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        boolean isJson = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.contains("json"))
                .orElse(false);
        return isJson && !response.body().isBlank() ? json.readTree(response.body()) : json.missingNode();
    }

    /** Counts a request accepted although its answer was a 409: a read showed an earlier attempt did it. */
    void acceptedEarlier(String kind) {
        figures.accepted(kind);
    }
}
