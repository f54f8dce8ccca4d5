package org.aftercart.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Twilio-Signature} of a form-encoded callback: the base64 HMAC-SHA1, keyed with the
 * auth token, of the full URL the provider called followed by every POST parameter sorted by name,
 * each written as name then value with nothing between.
 */
final class TwilioSignature {

    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;

    TwilioSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(String url, Map<String, List<String>> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters)
                .forEach((name, values) -> values.stream().sorted().forEach(value -> signed.append(name)
                        .append(value)));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** In constant time, so that a forger learns nothing from how long a refusal takes. */
    boolean matches(String url, Map<String, List<String>> parameters, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(url, parameters).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}
