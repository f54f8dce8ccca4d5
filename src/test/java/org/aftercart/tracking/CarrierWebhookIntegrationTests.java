package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.platform.ApiKeys;
import org.aftercart.platform.WebhookSecrets;
import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The carrier webhooks over real HTTP, with the vendors' own sample payloads, signed as they sign them. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.easypost.webhook-secret=" + CarrierWebhookIntegrationTests.EASYPOST_SECRET,
            // newest first: deliveries signed with the previous secret still pass during a rotation
            "aftercart.aftership.webhook-secret=as-new-secret," + CarrierWebhookIntegrationTests.AFTERSHIP_OLD_SECRET
        })
class CarrierWebhookIntegrationTests {

    static final String EASYPOST_SECRET = "ep-secret-ﬁ"; // a ligature, to prove the NFKD normalisation
    static final String AFTERSHIP_OLD_SECRET = "as-old-secret";
    static final Path PAYLOADS = Path.of(System.getProperty("aftercart.shared-data", "../shared/data"), "payloads");

    @LocalServerPort
    int port;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    TrackingIntake intake;

    @Autowired
    JdbcClient jdbc;

    ApiClient http;
    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        http = ApiClient.withNewKey(apiKeys, port, "tracking webhook tests", "ak_tracking_webhooks");
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void anEasyPostTrackerUpdateSignedWithTheSecretMovesTheParcel() throws IOException {
        var shipped = shipping.shipWithTrackingNumber("easypost@example.org", "EZ4000000004", "KETTLE");
        byte[] body = sample("easypost/webhooks/tracking-guide_tracking-webhook.json");

        var response = http.postRaw("/webhooks/easypost", body, Map.of("X-Hmac-Signature", easyPostSignature(body)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("eventsStored").asInt()).isEqualTo(6);
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();
        assertThat(parcel.status()).isNotEqualTo(TrackingStatus.LABEL_CREATED);
        assertThat(tracking.timeline(parcel)).hasSize(6);

        // EasyPost re-sends the same event: accepted, nothing new stored, the payload kept once.
        long payloads = count("tracking.payloads");
        var replay = http.postRaw("/webhooks/easypost", body, Map.of("X-Hmac-Signature", easyPostSignature(body)));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("eventsStored").asInt()).isZero();
        assertThat(replay.json().get("duplicates").asInt()).isEqualTo(6);
        assertThat(count("tracking.payloads")).isEqualTo(payloads);
    }

    @Test
    void anAfterShipTrackingSignedWithThePreviousSecretIsAcceptedDuringARotation() throws IOException {
        shipping.shipWithTrackingNumber("aftership@example.org", "111111111111", "TOASTER");
        byte[] body = sample("aftership/java-sdk-fixtures/endpoint/tracking/GetTrackingResult.json");
        String signature = Base64.getEncoder()
                .encodeToString(WebhookSecrets.of(AFTERSHIP_OLD_SECRET).sign(body));

        var response = http.postRaw("/webhooks/aftership", body, Map.of("aftership-hmac-sha256", signature));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("eventsStored").asInt()).isEqualTo(14);
        assertThat(response.json().get("unknownTrackingNumbers")).isEmpty();
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNothingIsWritten() throws IOException {
        byte[] body = sample("easypost/webhooks/landing-page_tracking-webhook.json");
        long payloads = count("tracking.payloads");
        long events = count("tracking.events");

        var wrong = http.postRaw(
                "/webhooks/easypost", body, Map.of("X-Hmac-Signature", "hmac-sha256-hex=" + "00".repeat(32)));
        var garbled = http.postRaw("/webhooks/easypost", body, Map.of("X-Hmac-Signature", "hmac-sha256-hex=zz"));
        var missing = http.postRaw("/webhooks/aftership", body, Map.of());
        var tampered = http.postRaw(
                "/webhooks/easypost",
                new String(body, StandardCharsets.UTF_8)
                        .replace("EZ4000000004", "EZ4000000005")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("X-Hmac-Signature", easyPostSignature(body)));

        for (var refused : java.util.List.of(wrong, garbled, missing, tampered)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(missing.json().get("detail").asString()).contains("aftership-hmac-sha256");
        assertThat(count("tracking.payloads")).isEqualTo(payloads);
        assertThat(count("tracking.events")).isEqualTo(events);
    }

    @Test
    void aSignedButUnreadablePayloadIsRefusedWithItsReasonAndOtherEventsAreAcknowledged() {
        byte[] notJson = "{\"object\": \"Event\", ".getBytes(StandardCharsets.UTF_8);
        byte[] batch = "{\"object\":\"Event\",\"description\":\"batch.created\",\"result\":{\"object\":\"Batch\"}}"
                .getBytes(StandardCharsets.UTF_8);
        long payloads = count("tracking.payloads");

        var malformed =
                http.postRaw("/webhooks/easypost", notJson, Map.of("X-Hmac-Signature", easyPostSignature(notJson)));
        var notATracker =
                http.postRaw("/webhooks/easypost", batch, Map.of("X-Hmac-Signature", easyPostSignature(batch)));

        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(notATracker.status()).isEqualTo(200);
        assertThat(notATracker.json().get("status").asString()).isEqualTo("ignored");
        assertThat(notATracker.json().get("reason").asString()).contains("batch.created");
        assertThat(count("tracking.payloads")).isEqualTo(payloads);
    }

    @Test
    void theGenericIntakeTakesCanonicalCheckpointsWithAnApiKey() {
        var shipped = shipping.shipInParcels("generic@example.org", "TEAPOT");
        String number = shipped.trackingNumbers().getFirst();
        String body =
                """
                {"carrier":"Acme 3PL","trackingNumber":"%s","events":[
                  {"occurredAt":"2026-11-20T09:30:00+01:00","status":"OUT_FOR_DELIVERY","description":"With the driver",
                   "location":{"city":"Lyon","country":"FR"}}]}"""
                        .formatted(number);

        var accepted = http.post("/api/v1/tracking-events", body);
        var unknownStatus = http.post("/api/v1/tracking-events", body.replace("OUT_FOR_DELIVERY", "ON_THE_MOON"));
        var anonymous = new ApiClient(port, "ak_wrong").post("/api/v1/tracking-events", body);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(tracking.shipmentsOf(shipped.order().id()).getFirst().status())
                .isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.json().get("detail").asString()).contains("ON_THE_MOON");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aMerchantOverridesOneCarrierCodeThroughTheApi() {
        var set = http.put(
                "/api/v1/tracking/status-mappings",
                """
                {"vocabulary":"laposte","code":"ET1","status":"DELAYED"}""");
        var unknown = http.put(
                "/api/v1/tracking/status-mappings",
                """
                {"vocabulary":"pigeon","code":"FLYING","status":"IN_TRANSIT"}""");
        var invalid = http.put(
                "/api/v1/tracking/status-mappings",
                """
                {"vocabulary":"laposte","code":"ET1","status":"LOST_IN_SPACE"}""");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("status").asString()).isEqualTo("DELAYED");
        assertThat(set.json().get("mapping").asString()).isEqualTo("override");
        assertThat(http.get("/api/v1/tracking/status-mappings").body()).contains("\"ET1\"");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(invalid.status()).isEqualTo(400);
        http.put(
                "/api/v1/tracking/status-mappings",
                """
                {"vocabulary":"laposte","code":"ET1","status":"IN_TRANSIT"}""");
    }

    @Test
    void checkpointsForACancelledParcelAreKeptButChangeNothing() {
        var shipped = shipping.shipInParcels("cancelled-parcel@example.org", "SAUCER");
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();
        intake.correct(parcel.id(), TrackingStatus.CANCELLED, "Label voided", "agent@shop");
        String body =
                """
                {"carrier":"La Poste","trackingNumber":"%s","events":[
                  {"occurredAt":"2030-01-01T09:00:00Z","status":"IN_TRANSIT"}]}"""
                        .formatted(shipped.trackingNumbers().getFirst());

        var response = http.post("/api/v1/tracking-events", body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("eventsStored").asInt()).isEqualTo(1);
        assertThat(response.json().get("statusChanges").asInt()).isZero();
        assertThat(tracking.shipment(parcel.id()).orElseThrow().status()).isEqualTo(TrackingStatus.CANCELLED);
    }

    private static String easyPostSignature(byte[] body) {
        return "hmac-sha256-hex="
                + HexFormat.of()
                        .formatHex(WebhookSecrets.of(EASYPOST_SECRET, java.text.Normalizer.Form.NFKD)
                                .sign(body));
    }

    private static byte[] sample(String path) throws IOException {
        return Files.readAllBytes(PAYLOADS.resolve(path));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
