package org.aftercart.integrations.shopify;

import java.util.Base64;
import org.aftercart.platform.WebhookSecrets;
import org.jspecify.annotations.Nullable;

/**
 * Shopify's webhook signature: base64(HMAC-SHA256(key = shared secret, message = raw body bytes)),
 * sent as {@code X-Shopify-Hmac-Sha256}. Compared in constant time, on the bytes as received; the
 * setting may list a previous secret while a secret is rotated.
 */
final class ShopifySignature {

    private final WebhookSecrets secrets;

    ShopifySignature(@Nullable String secret) {
        this.secrets = WebhookSecrets.of(secret);
    }

    /** Without a secret every delivery is refused: an unsigned webhook is never accepted. */
    boolean configured() {
        return secrets.configured();
    }

    /** The header value a sender with this secret puts on {@code body}. */
    String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(secrets.sign(body));
    }

    /** Whether {@code header} is the signature of {@code body}; false for a missing or garbled header. */
    boolean matches(byte[] body, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            return secrets.matches(body, Base64.getDecoder().decode(header.trim()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
