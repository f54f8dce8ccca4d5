package org.aftercart.integrations.shopify;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/shopify}: the path is public, so this endpoint authenticates each delivery by
 * its signature on the raw bytes before reading anything from the body. It answers within
 * milliseconds: it only verifies, checks the shape, stores the receipt and publishes an event; the
 * work happens after commit.
 */
@RestController
class ShopifyWebhookController {

    static final String TOPIC = "X-Shopify-Topic";
    static final String HMAC = "X-Shopify-Hmac-Sha256";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);

    private final ShopifySignature signature;
    private final ShopifyWebhookIntake intake;

    ShopifyWebhookController(
            @Value("${aftercart.shopify.webhook-secret:}") String secret, ShopifyWebhookIntake intake) {
        this.signature = new ShopifySignature(secret);
        this.intake = intake;
        if (!signature.configured()) {
            log.warn("No Shopify webhook secret is configured (aftercart.shopify.webhook-secret);"
                    + " POST /webhooks/shopify refuses every delivery until one is");
        }
    }

    @PostMapping("/webhooks/shopify")
    ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = TOPIC, required = false) @Nullable String topicName,
            @RequestHeader(name = HMAC, required = false) @Nullable String hmac,
            @RequestHeader(name = WEBHOOK_ID, required = false) @Nullable String webhookId,
            @RequestHeader(name = SHOP_DOMAIN, required = false) @Nullable String shopDomain,
            @RequestBody(required = false) byte @Nullable [] body) {
        if (!signature.configured()) {
            throw ShopifyWebhookProblem.secretNotConfigured();
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (hmac == null || hmac.isBlank()) {
            throw ShopifyWebhookProblem.missingSignature();
        }
        if (!signature.matches(raw, hmac)) {
            log.warn(
                    "Refused a Shopify delivery with a wrong signature (topic {}, webhook id {}, shop {})",
                    printable(topicName),
                    printable(webhookId),
                    printable(shopDomain));
            throw ShopifyWebhookProblem.wrongSignature();
        }
        String id = required(webhookId, WEBHOOK_ID, 255);
        String topicHeader = required(topicName, TOPIC, 100);
        Optional<ShopifyTopic> topic = ShopifyTopic.of(topicHeader);
        if (topic.isEmpty()) {
            log.info(
                    "Ignored Shopify delivery {} of topic {}: not a topic Aftercart takes",
                    printable(id),
                    printable(topicHeader));
            return answer("ignored", null);
        }
        try {
            ShopifyPayloads.parse(topic.get(), raw);
        } catch (ShopifyPayloads.Malformed e) {
            throw ShopifyWebhookProblem.malformedBody(topic.get().header(), e.getMessage());
        }
        String domain =
                shopDomain == null || shopDomain.isBlank() || shopDomain.length() > 255 ? null : shopDomain.trim();
        Optional<UUID> receipt = intake.store(topic.get(), id, domain, new String(raw, StandardCharsets.UTF_8));
        return receipt.map(receiptId -> answer("accepted", receiptId)).orElseGet(() -> answer("duplicate", null));
    }

    private static String required(@Nullable String value, String header, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ShopifyWebhookProblem.badHeader(header, "is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ShopifyWebhookProblem.badHeader(header, "is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    private static ResponseEntity<Map<String, String>> answer(String status, @Nullable UUID receipt) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", status);
        if (receipt != null) {
            body.put("receipt", receipt.toString());
        }
        return ResponseEntity.ok(body);
    }

    /** A header value fit for a log line: no line breaks, not too long. */
    private static String printable(@Nullable String value) {
        if (value == null) {
            return "-";
        }
        String flat = value.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
    }
}
