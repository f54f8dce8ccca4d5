package org.aftercart.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's webhook endpoint on a local port: it checks each request's Standard Webhooks
 * signature (401 when it does not verify), processes each {@code webhook-id} once, and answers as
 * the test scripts it. Public for the fault harness ({@code org.aftercart.harness}), which counts
 * every delivery by its {@code webhook-id}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What the receiver does with its n-th request (from 1). */
    sealed interface Answer {}

    record Status(int code) implements Answer {}

    /** Refuses with {@code code} and asks to be left alone: {@code Retry-After: retryAfter}. */
    record Throttled(int code, String retryAfter) implements Answer {}

    /** Takes the delivery, then answers only after {@code delay}: the sender may have given up. */
    record Slow(Duration delay) implements Answer {}

    public record Received(
            String id, String timestamp, String signature, String contentType, String body, boolean verified) {

        List<String> signatures() {
            return List.of(signature.split(" "));
        }
    }

    private final HttpServer server;
    private volatile @Nullable StandardWebhookVerifier verifier;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger processings = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Map<Integer, Answer> script = Map.of();

    public WebhookReceiver() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The secret the merchant was shown for this endpoint. */
    public void trust(String secret) {
        this.verifier = new StandardWebhookVerifier(secret);
    }

    /** Answers for the first requests, by number; the others get 204. */
    WebhookReceiver answering(Map<Integer, Answer> script) {
        this.script = Map.copyOf(script);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many deliveries were processed (a repeated webhook-id is not processed again). */
    public int processed() {
        return processings.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = String.valueOf(headers.getFirst("webhook-id"));
            String timestamp = String.valueOf(headers.getFirst("webhook-timestamp"));
            String signature = String.valueOf(headers.getFirst("webhook-signature"));
            StandardWebhookVerifier trusted = verifier;
            boolean verified = trusted != null && trusted.verify(id, timestamp, signature, body, Instant.now());
            received.add(new Received(
                    id, timestamp, signature, String.valueOf(headers.getFirst("content-type")), body, verified));
            if (!verified) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Answer answer = script.getOrDefault(calls.incrementAndGet(), new Status(204));
            if (answer instanceof Throttled throttled) {
                exchange.getResponseHeaders().add("Retry-After", throttled.retryAfter());
                exchange.sendResponseHeaders(throttled.code(), -1);
                return;
            }
            if (answer instanceof Status status && status.code() >= 300) {
                exchange.sendResponseHeaders(status.code(), -1);
                return;
            }
            if (processed.add(id)) {
                processings.incrementAndGet();
            }
            if (answer instanceof Slow slow) {
                try {
                    Thread.sleep(slow.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
