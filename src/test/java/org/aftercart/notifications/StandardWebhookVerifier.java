package org.aftercart.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery the way a receiver following standardwebhooks.com does, written from the spec
 * and not from Aftercart's signer: the key is the base64 after {@code whsec_}; the signed content
 * is {@code id.timestamp.body}; any {@code v1,} signature in the space-separated header may match,
 * compared in constant time; a timestamp more than five minutes away is refused.
 */
final class StandardWebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    StandardWebhookVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a Standard Webhooks secret: " + secret);
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    boolean verify(String id, String timestamp, String signatureHeader, String body, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body);
        boolean matched = false;
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,")) {
                byte[] claimed;
                try {
                    claimed = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                matched |= MessageDigest.isEqual(expected, claimed);
            }
        }
        return matched;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
