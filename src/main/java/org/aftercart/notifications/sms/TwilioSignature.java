package org.aftercart.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
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
    private final List<SecretKeySpec> previousKeys;

    TwilioSignature(String authToken) {
        this(authToken, null);
    }

    /** With the tokens rotated out (comma-separated), whose signatures are still accepted. */
    TwilioSignature(String authToken, @Nullable String previousAuthTokens) {
        this.key = keyOf(authToken);
        this.previousKeys = previousAuthTokens == null
                ? List.of()
                : Arrays.stream(previousAuthTokens.split(","))
                        .map(String::trim)
                        .filter(token -> !token.isEmpty())
                        .map(TwilioSignature::keyOf)
                        .toList();
    }

    private static SecretKeySpec keyOf(String token) {
        return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(String url, Map<String, List<String>> parameters) {
        return sign(key, url, parameters);
    }

    private static String sign(SecretKeySpec key, String url, Map<String, List<String>> parameters) {
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

    /**
     * Signed with the auth token or one being rotated out; in constant time per token, so that a
     * forger learns nothing from how long a refusal takes.
     */
    boolean matches(String url, Map<String, List<String>> parameters, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] claimed = signature.strip().getBytes(StandardCharsets.UTF_8);
        boolean matched = MessageDigest.isEqual(sign(key, url, parameters).getBytes(StandardCharsets.UTF_8), claimed);
        for (SecretKeySpec previous : previousKeys) {
            matched |= MessageDigest.isEqual(sign(previous, url, parameters).getBytes(StandardCharsets.UTF_8), claimed);
        }
        return matched;
    }
}
