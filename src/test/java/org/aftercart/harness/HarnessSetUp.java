package org.aftercart.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.aftercart.notifications.WebhookReceiver;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the fault and load harnesses set up around Aftercart alike: a database of the embedded
 * PostgreSQL, an SMTP server, an instance's settings and environment, the seeded API key and
 * product, and the merchant's webhook endpoint.
 */
final class HarnessSetUp {

    static final String API_KEY = "ak_fault_harness";
    static final String SKU = "FAULT-JACKET-M";
    static final String TRACKING_LINK_SECRET = "fault-harness-tracking-links";
    static final String THANK_YOU_LINK_SECRET = "fault-harness-thank-you-links";
    /** How long an instance may hold a message mid-send before another takes it over (claim lease). */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(15);

    private HarnessSetUp() {}

    /** The embedded PostgreSQL of a run, its data under {@code out}, written with {@code fsync} on. */
    static EmbeddedPostgres postgres(Path out) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(out.resolve("postgres").toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                // durable as Aftercart's own embedded server: a commit is on disk before it is answered
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /** An instance on {@code databaseName}, not started, its logs in {@code out/logs}. */
    static AftercartProcess instance(
            String name,
            Path jar,
            Path out,
            List<String> jvmOptions,
            EmbeddedPostgres postgres,
            String databaseName,
            GreenMail smtp,
            List<String> extra)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--aftercart.fulfillment.hold-window=PT0S",
                "--aftercart.easypost.webhook-secret=" + CarrierPayloads.EASYPOST_SECRET,
                "--aftercart.aftership.webhook-secret=" + CarrierPayloads.AFTERSHIP_SECRET,
                "--aftercart.tracking.link-secret=" + TRACKING_LINK_SECRET,
                "--aftercart.offers.thank-you.link-secret=" + THANK_YOU_LINK_SECRET,
                // every message due at once: no quiet hours, a short digest window
                "--aftercart.notifications.quiet-hours-start=00:00",
                "--aftercart.notifications.quiet-hours-end=00:00",
                "--aftercart.notifications.digest-window=PT1S",
                "--aftercart.notifications.claim-lease=" + CLAIM_LEASE,
                "--aftercart.notifications.first-retry=PT2S",
                "--aftercart.notifications.webhooks.allow-private-addresses=true",
                "--aftercart.notifications.webhooks.endpoints-cache-for=PT1S",
                "--spring.datasource.hikari.maximum-pool-size=20"));
        arguments.addAll(extra);
        return new AftercartProcess(
                name,
                freePort(),
                jar,
                Files.createDirectories(out.resolve("logs")),
                jvmOptions,
                Map.of(
                        "SPRING_DATASOURCE_URL",
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + databaseName,
                        "SPRING_DATASOURCE_USERNAME",
                        "postgres",
                        "SPRING_DATASOURCE_PASSWORD",
                        "postgres",
                        "SPRING_MAIL_HOST",
                        "127.0.0.1",
                        "SPRING_MAIL_PORT",
                        String.valueOf(smtp.getSmtp().getPort())),
                arguments);
    }

    /** A new, empty database of the embedded PostgreSQL. */
    static DataSource database(EmbeddedPostgres postgres, String name) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    static GreenMail smtp() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The harness's API key, one product with plenty of stock. */
    static void seed(JdbcClient jdbc) throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("insert into platform.api_keys (key_hash, label) values (?, 'fault harness')")
                .param(hash)
                .update();
        UUID product = UUID.randomUUID();
        jdbc.sql(
                        "insert into catalog.products (id, handle, title, category) values (?, 'fault-jacket', 'Rain jacket', 'outerwear')")
                .param(product)
                .update();
        jdbc.sql(
                        """
                        insert into catalog.variants (sku, product_id, title, option_values, price_amount, currency)
                        values (?, ?, 'Rain jacket', 'M', ?, 'EUR')""")
                .params(SKU, product, new java.math.BigDecimal(Journeys.PRICE))
                .update();
        jdbc.sql("insert into inventory.stock_levels (location_code, sku, on_hand) values ('MAIN', ?, 1000000)")
                .param(SKU)
                .update();
    }

    /** The merchant's endpoint for every event type; the receiver checks each delivery with its secret. */
    static void registerEndpoint(RetryingClient client, WebhookReceiver receiver) throws InterruptedException {
        RetryingClient.Answer answer = client.api(
                "POST /webhook-endpoints",
                "POST",
                "/api/v1/webhook-endpoints",
                "{\"url\":\"%s\",\"description\":\"fault harness\"}".formatted(receiver.url()),
                null);
        if (!answer.ok()) {
            throw new IllegalStateException("webhook endpoint not registered: " + answer.body());
        }
        JsonNode body = answer.body();
        receiver.trust(body.get("secret").asString());
        Thread.sleep(1_500); // the endpoint cache of every instance
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
