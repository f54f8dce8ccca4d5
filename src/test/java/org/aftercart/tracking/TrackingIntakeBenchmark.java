package org.aftercart.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.aftercart.AftercartApplication;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.platform.ApiKeys;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Carrier event intake through the HTTP API, one checkpoint per request and 100 per request,
 * against the floor: a plain JDBC batch insert of as many events into one bare table with the same
 * columns, on the same fresh embedded database, in the same run. Not a test: run it with {@code
 * ./mvnw -Pbenchmark test -DskipTests}. Every event is new (its own event time), belongs to one of
 * the parcels shipped beforehand, is mapped, de-duplicated, stored with its payload and moves the
 * parcel when it is newer than its status.
 */
public final class TrackingIntakeBenchmark {

    private static final int PARCELS = 200;
    private static final int CLIENTS = 16;
    private static final int SINGLE_REQUESTS = 6_000;
    private static final int BATCH_REQUESTS = 300;
    private static final int EVENTS_PER_BATCH = 100;
    private static final int FLOOR_EVENTS = 60_000;
    private static final String API_KEY = "ak_tracking_benchmark";

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger clock = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args.length > 0 ? args[0] : "target/benchmark-tracking", "postgres");
        if (Files.exists(database)) {
            try (var paths = Files.walk(database)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        SpringApplication application = new SpringApplication(AftercartApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of(
                "logging.level.root", "warn",
                "server.port", "0",
                "aftercart.fulfillment.hold-window", "PT0S"));
        // system properties, as the application's own settings name the demo's data folder
        System.setProperty(
                "aftercart.embedded-postgres.data-directory",
                database.toAbsolutePath().toString());
        System.setProperty("aftercart.embedded-postgres.clean", "true");
        try (ConfigurableApplicationContext context = application.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            context.getBean(ApiKeys.class).register("tracking benchmark", API_KEY);
            List<String> numbers = shipParcels(context);
            System.out.println(context.getBean(JdbcClient.class)
                    .sql("select version()")
                    .query(String.class)
                    .single());

            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            post(http, port, body(numbers, 500)); // warm-up
            drive(http, port, numbers, 2_000, 1);
            drive(http, port, numbers, 50, EVENTS_PER_BATCH);

            double single = drive(http, port, numbers, SINGLE_REQUESTS, 1);
            double batched = drive(http, port, numbers, BATCH_REQUESTS, EVENTS_PER_BATCH);
            double floor = floor(context.getBean(DataSource.class), numbers);
            System.out.printf(
                    Locale.ROOT,
                    "single: %.0f events/s (%.1f %% of floor); batched by %d: %.0f events/s (%.1f %% of floor);"
                            + " floor (JDBC batch insert into a bare table): %.0f events/s%n",
                    single,
                    100 * single / floor,
                    EVENTS_PER_BATCH,
                    batched,
                    100 * batched / floor,
                    floor);
        }
    }

    /** Ships {@value #PARCELS} one-parcel orders through the real modules and waits until tracking follows them. */
    private static List<String> shipParcels(ConfigurableApplicationContext context) {
        ShippedOrders shipping = new ShippedOrders(
                context.getBean(OrderManagement.class),
                context.getBean(Fulfillment.class),
                context.getBean(Tracking.class),
                context.getBean(Catalog.class),
                context.getBean(Inventory.class));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < PARCELS; i++) {
            numbers.addAll(shipping.shipInParcels("bench-" + i + "@example.org", "BENCH" + (i % 20))
                    .trackingNumbers());
        }
        return numbers;
    }

    /** Sends {@code requests} requests of {@code perRequest} new events from {@value #CLIENTS} clients; events/s. */
    private static double drive(HttpClient http, int port, List<String> numbers, int requests, int perRequest)
            throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        post(http, port, body(numbers, perRequest));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return (double) requests * perRequest / ((System.nanoTime() - started) / 1e9);
    }

    private static void post(HttpClient http, int port, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tracking-events"))
                        .header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** New checkpoints (each its own event time) spread over ten parcels, in the generic JSON shape. */
    private static String body(List<String> numbers, int events) {
        int parcels = Math.min(10, events);
        StringBuilder json = new StringBuilder("[");
        int start = Math.floorMod(clock.get() * 7, numbers.size());
        for (int p = 0; p < parcels; p++) {
            if (p > 0) {
                json.append(',');
            }
            json.append("{\"carrier\":\"La Poste\",\"trackingNumber\":\"")
                    .append(numbers.get((start + p) % numbers.size()))
                    .append("\",\"events\":[");
            for (int e = 0; e < events / parcels; e++) {
                if (e > 0) {
                    json.append(',');
                }
                json.append("{\"occurredAt\":\"")
                        .append(START.plusSeconds(clock.incrementAndGet()))
                        .append("\",\"status\":\"IN_TRANSIT\",\"description\":\"Arrived at the sorting centre\",")
                        .append("\"location\":{\"city\":\"Lyon\",\"postcode\":\"69007\",\"country\":\"FR\"}}");
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }

    /** The floor: the same number of events, batch-inserted into a bare table with the same columns. */
    private static double floor(DataSource dataSource, List<String> numbers) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection
                    .createStatement()
                    .execute(
                            """
                            create table if not exists public.events_floor (tracking_number text, carrier text,
                                source text, vocabulary text, code text, detail text, status text, mapping text,
                                description text, city text, region text, postcode text, country text,
                                occurred_at timestamptz, received_at timestamptz, dedupe_key text)
                            """);
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into public.events_floor values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                for (int i = 0; i < FLOOR_EVENTS; i++) {
                    Instant at = START.plusSeconds(10_000_000L + i);
                    insert.setString(1, numbers.get(i % numbers.size()));
                    insert.setString(2, "La Poste");
                    insert.setString(3, "generic");
                    insert.setString(4, "canonical");
                    insert.setString(5, "IN_TRANSIT");
                    insert.setString(6, null);
                    insert.setString(7, "IN_TRANSIT");
                    insert.setString(8, "canonical");
                    insert.setString(9, "Arrived at the sorting centre");
                    insert.setString(10, "Lyon");
                    insert.setString(11, null);
                    insert.setString(12, "69007");
                    insert.setString(13, "FR");
                    insert.setTimestamp(14, Timestamp.from(at));
                    insert.setTimestamp(15, Timestamp.from(at));
                    insert.setString(16, "canonical|IN_TRANSIT||" + at + "|Lyon,,69007,FR");
                    insert.addBatch();
                    if ((i + 1) % 1_000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return FLOOR_EVENTS / ((System.nanoTime() - started) / 1e9);
        }
    }
}
