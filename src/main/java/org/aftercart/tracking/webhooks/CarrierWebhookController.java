package org.aftercart.tracking.webhooks;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.aftercart.platform.WebhookSecrets;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.carriers.AfterShipPayloads;
import org.aftercart.tracking.carriers.EasyPostPayloads;
import org.aftercart.tracking.carriers.NotATrackingEvent;
import org.aftercart.tracking.carriers.UnreadablePayload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracking webhooks of EasyPost ({@code POST /webhooks/easypost}) and AfterShip ({@code POST
 * /webhooks/aftership}). The paths are public, so each delivery is authenticated by the sender's own
 * signature on the raw bytes before anything is read from the body; the secrets come from {@code
 * aftercart.easypost.webhook-secret} and {@code aftercart.aftership.webhook-secret} (several, comma
 * separated, while a secret is rotated).
 */
@RestController
class CarrierWebhookController {

    static final String EASYPOST_SIGNATURE = "X-Hmac-Signature";
    static final String EASYPOST_PREFIX = "hmac-sha256-hex=";
    static final String AFTERSHIP_SIGNATURE = "aftership-hmac-sha256";

    private static final Logger log = LoggerFactory.getLogger(CarrierWebhookController.class);

    private final WebhookSecrets easyPost;
    private final WebhookSecrets afterShip;
    private final TrackingIntake intake;

    CarrierWebhookController(
            @Value("${aftercart.easypost.webhook-secret:}") String easyPostSecret,
            @Value("${aftercart.aftership.webhook-secret:}") String afterShipSecret,
            TrackingIntake intake) {
        // EasyPost's client libraries normalise the secret to NFKD before signing.
        this.easyPost = WebhookSecrets.of(easyPostSecret, Normalizer.Form.NFKD);
        this.afterShip = WebhookSecrets.of(afterShipSecret);
        this.intake = intake;
    }

    /** EasyPost signs with {@code X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256 of the body>}. */
    @PostMapping("/webhooks/easypost")
    Receipt easyPost(
            @RequestHeader(name = EASYPOST_SIGNATURE, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        byte[] raw = verify(
                "EasyPost",
                "aftercart.easypost.webhook-secret",
                easyPost,
                EASYPOST_SIGNATURE,
                "hmac-sha256-hex=<hex HMAC-SHA256 of the raw body>",
                signature,
                body,
                header -> header.startsWith(EASYPOST_PREFIX)
                        ? HexFormat.of().parseHex(header.substring(EASYPOST_PREFIX.length()))
                        : null);
        return take("easypost", raw, EasyPostPayloads::read);
    }

    /** AfterShip signs with {@code aftership-hmac-sha256: <base64 HMAC-SHA256 of the body>}. */
    @PostMapping("/webhooks/aftership")
    Receipt afterShip(
            @RequestHeader(name = AFTERSHIP_SIGNATURE, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        byte[] raw = verify(
                "AfterShip",
                "aftercart.aftership.webhook-secret",
                afterShip,
                AFTERSHIP_SIGNATURE,
                "the base64 HMAC-SHA256 of the raw body",
                signature,
                body,
                header -> Base64.getDecoder().decode(header));
        return take("aftership", raw, AfterShipPayloads::read);
    }

    private static byte[] verify(
            String sender,
            String setting,
            WebhookSecrets secrets,
            String header,
            String format,
            @Nullable String signature,
            byte @Nullable [] body,
            Function<String, byte @Nullable []> decode) {
        if (!secrets.configured()) {
            throw CarrierWebhookProblem.secretNotConfigured(sender, setting);
        }
        if (signature == null || signature.isBlank()) {
            throw CarrierWebhookProblem.missingSignature(header, format);
        }
        byte[] raw = body == null ? new byte[0] : body;
        byte[] claimed;
        try {
            claimed = decode.apply(signature.trim());
        } catch (IllegalArgumentException garbled) {
            claimed = null;
        }
        if (!secrets.matches(raw, claimed)) {
            log.warn("Refused a {} delivery with a wrong signature ({} bytes)", sender, raw.length);
            throw CarrierWebhookProblem.wrongSignature(header);
        }
        return raw;
    }

    private Receipt take(String source, byte[] raw, Function<byte[], List<CarrierReport>> parser) {
        List<CarrierReport> reports;
        try {
            reports = parser.apply(raw);
        } catch (NotATrackingEvent other) {
            // Acknowledged, or the sender would keep re-sending events Aftercart does not take.
            return Receipt.ignored(other.getMessage());
        } catch (UnreadablePayload refused) {
            throw CarrierWebhookProblem.unreadable(refused.getMessage());
        }
        return Receipt.of(intake.accept(source, new String(raw, StandardCharsets.UTF_8), reports));
    }
}
