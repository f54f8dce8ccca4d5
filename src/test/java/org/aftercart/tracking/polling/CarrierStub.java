package org.aftercart.tracking.polling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server that plays carriers speaking the canonical JSON shape, one per path ({@code
 * /<carrier>}): it answers each parcel's checkpoints as the test sets them, counts calls, and can
 * be told to fail the next calls of a carrier or to answer slowly.
 */
final class CarrierStub implements AutoCloseable {

    record Call(String carrier, List<String> trackingNumbers) {}

    private record Failure(int status, @Nullable String retryAfter) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, Object>>> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    CarrierStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl(String carrier) {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/" + carrier;
    }

    /** The carrier now knows this checkpoint of the parcel, and answers it from now on. */
    void checkpoint(String trackingNumber, String status, Instant at) {
        checkpoints
                .computeIfAbsent(trackingNumber, n -> new CopyOnWriteArrayList<>())
                .add(Map.of(
                        "occurred_at",
                        at.toString(),
                        "status",
                        status,
                        "description",
                        "Stub says " + status,
                        "location",
                        Map.of("city", "Lyon", "country", "FR")));
    }

    /** The carrier's next call fails with this HTTP status. */
    void failNext(String carrier, int status, @Nullable String retryAfter) {
        failures.computeIfAbsent(carrier, c -> new ArrayDeque<>()).add(new Failure(status, retryAfter));
    }

    void answerSlowly(String carrier, long millis) {
        delays.put(carrier, millis);
    }

    List<Call> calls(String carrier) {
        return calls.stream().filter(c -> c.carrier().equals(carrier)).toList();
    }

    /** Every tracking number the carrier was asked about, once per time it was asked. */
    List<String> asked(String carrier) {
        return calls(carrier).stream()
                .flatMap(c -> c.trackingNumbers().stream())
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String carrier = exchange.getRequestURI().getPath().substring(1);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> question =
                    JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            List<String> numbers = List.copyOf(question.get("tracking_numbers"));
            calls.add(new Call(carrier, numbers));
            long delay = delays.getOrDefault(carrier, 0L);
            if (delay > 0) {
                Thread.sleep(delay);
            }
            Failure failure;
            synchronized (failures) {
                Deque<Failure> queued = failures.get(carrier);
                failure = queued == null ? null : queued.poll();
            }
            if (failure != null) {
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                }
                respond(exchange, failure.status(), "{\"error\":\"stub failure\"}");
                return;
            }
            List<Map<String, Object>> shipments = new ArrayList<>();
            for (String number : numbers) {
                List<Map<String, Object>> known = checkpoints.get(number);
                if (known != null) {
                    Map<String, Object> shipment = new LinkedHashMap<>();
                    shipment.put("tracking_number", number);
                    shipment.put("events", List.copyOf(known));
                    shipments.add(shipment);
                }
            }
            respond(exchange, 200, JSON.writeValueAsString(Map.of("shipments", shipments)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
