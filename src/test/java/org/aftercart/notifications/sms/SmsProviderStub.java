package org.aftercart.notifications.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local SMS provider with a Twilio-style Messages API that deduplicates on {@code
 * Idempotency-Key}: the first request with a key sends a text; a request repeating the key answers
 * the first text's sid and sends nothing. It records every request, and can be told to refuse the
 * next ones or to take the next text but answer late.
 */
final class SmsProviderStub implements AutoCloseable {

    record Request(String path, Map<String, String> headers, Map<String, String> form) {}

    record Text(String sid, String to, String body) {}

    private record Refusal(int status, String body, @Nullable String retryAfter) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Text> texts = new CopyOnWriteArrayList<>();
    private final Map<String, Text> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private volatile Duration answerAfter = Duration.ZERO;

    SmsProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** The next request is refused with this status and the provider's JSON error. */
    synchronized void refuseNext(int status, int code, String message, @Nullable String retryAfter) {
        refusals.add(new Refusal(
                status,
                JSON.writeValueAsString(Map.of(
                        "code", code,
                        "message", message,
                        "more_info", "https://www.twilio.com/docs/errors/" + code,
                        "status", status)),
                retryAfter));
    }

    /** The following texts are taken at once but answered only after {@code delay}. */
    void answerLate(Duration delay) {
        answerAfter = delay;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The texts that went out: one per idempotency key. */
    List<Text> texts() {
        return List.copyOf(texts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            requests.add(new Request(exchange.getRequestURI().getPath(), headers, form));
            Refusal refusal;
            synchronized (this) {
                refusal = refusals.poll();
            }
            if (refusal != null) {
                if (refusal.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", refusal.retryAfter());
                }
                respond(exchange, refusal.status(), refusal.body());
                return;
            }
            String key = headers.get("idempotency-key");
            Text text = key == null ? newText(form) : byIdempotencyKey.computeIfAbsent(key, k -> newText(form));
            Thread.sleep(answerAfter);
            respond(
                    exchange,
                    201,
                    JSON.writeValueAsString(
                            Map.of("sid", text.sid(), "status", "queued", "to", text.to(), "body", text.body())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The sender stopped waiting (its read timeout): the text went out all the same.
        }
    }

    private Text newText(Map<String, String> form) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        Text text = new Text("SM" + HexFormat.of().formatHex(random), form.get("To"), form.get("Body"));
        texts.add(text);
        return text;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
