package org.aftercart.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.aftercart.platform.WebhookSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The carriers' own webhook payloads (EasyPost's tracker.updated, AfterShip's tracking, from the
 * vendors' documentation and SDK fixtures), re-addressed to one of the harness's parcels: its
 * tracking number, checkpoints dated over the last minutes instead of years ago, and signed as each
 * vendor signs. Both samples end with the parcel delivered.
 */
final class CarrierPayloads {

    static final String EASYPOST_SECRET = "fault-harness-easypost-secret";
    static final String AFTERSHIP_SECRET = "fault-harness-aftership-secret";

    /** A webhook ready to send: its path, body and signature header. */
    record Delivery(String path, byte[] body, Map<String, String> headers, int checkpoints) {}

    enum Carrier {
        EASYPOST,
        AFTERSHIP
    }

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JsonNode easyPost;
    private final JsonNode afterShip;

    CarrierPayloads(Path payloads) throws IOException {
        this.easyPost = json.readTree(
                Files.readString(payloads.resolve("easypost/webhooks/tracking-guide_tracking-webhook.json")));
        this.afterShip = json.readTree(Files.readString(
                payloads.resolve("aftership/java-sdk-fixtures/endpoint/tracking/GetTrackingResult.json")));
    }

    /** The carrier name a parcel of this sample ships with. */
    String carrierName(Carrier carrier) {
        return switch (carrier) {
            case EASYPOST -> easyPost.get("result").get("carrier").asString();
            case AFTERSHIP -> afterShip.get("data").get("tracking").get("slug").asString();
        };
    }

    Delivery delivered(Carrier carrier, String trackingNumber) {
        Instant now = Instant.now();
        return switch (carrier) {
            case EASYPOST -> {
                ObjectNode payload = (ObjectNode) easyPost.deepCopy();
                ObjectNode tracker = (ObjectNode) payload.get("result");
                tracker.put("tracking_code", trackingNumber);
                int n = redate(tracker.get("tracking_details"), "datetime", now);
                byte[] body = json.writeValueAsBytes(payload);
                String signature = "hmac-sha256-hex="
                        + HexFormat.of()
                                .formatHex(WebhookSecrets.of(EASYPOST_SECRET).sign(body));
                yield new Delivery("/webhooks/easypost", body, Map.of("X-Hmac-Signature", signature), n);
            }
            case AFTERSHIP -> {
                ObjectNode payload = (ObjectNode) afterShip.deepCopy();
                ObjectNode tracking = (ObjectNode) payload.get("data").get("tracking");
                tracking.put("tracking_number", trackingNumber);
                int n = redate(tracking.get("checkpoints"), "checkpoint_time", now);
                byte[] body = json.writeValueAsBytes(payload);
                String signature = Base64.getEncoder()
                        .encodeToString(WebhookSecrets.of(AFTERSHIP_SECRET).sign(body));
                yield new Delivery("/webhooks/aftership", body, Map.of("aftership-hmac-sha256", signature), n);
            }
        };
    }

    /** Dates the checkpoints a minute apart, the last one a second ago; returns how many there are. */
    private static int redate(JsonNode checkpoints, String field, Instant now) {
        int n = checkpoints.size();
        for (int i = 0; i < n; i++) {
            Instant at = now.minus(Duration.ofMinutes(n - 1L - i)).minusSeconds(1);
            ((ObjectNode) checkpoints.get(i)).put(field, at.toString());
        }
        return n;
    }
}
