package org.aftercart.integrations.shopify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Shopify's webhook signature: base64(HMAC-SHA256(key = shared secret, message = raw body bytes)),
 * sent as {@code X-Shopify-Hmac-Sha256}. Compared in constant time, on the bytes as received.
 */
final class ShopifySignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final @Nullable SecretKeySpec key;

    ShopifySignature(@Nullable String secret) {
        this.key = secret == null || secret.isBlank()
                ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Without a secret every delivery is refused: an unsigned webhook is never accepted. */
    boolean configured() {
        return key != null;
    }

    /** The header value a sender with this secret puts on {@code body}. */
    String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(mac(body));
    }

    /** Whether {@code header} is the signature of {@code body}; false for a missing or garbled header. */
    boolean matches(byte[] body, @Nullable String header) {
        if (key == null || header == null || header.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), claimed);
    }

    private byte[] mac(byte[] body) {
        if (key == null) {
            throw new IllegalStateException("No Shopify webhook secret is configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
