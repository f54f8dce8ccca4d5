package org.aftercart.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The shared secrets of one webhook sender, for HMAC-SHA256 signatures of raw bodies. A setting may
 * hold several secrets separated by commas, the newest first, so that a secret can be rotated
 * without downtime: while both are listed, a delivery signed with either is accepted.
 */
public final class WebhookSecrets {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    private WebhookSecrets(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    public static WebhookSecrets of(@Nullable String setting) {
        return of(setting, null);
    }

    /** Secrets normalised first, for senders that specify it (EasyPost uses NFKD). */
    public static WebhookSecrets of(@Nullable String setting, Normalizer.@Nullable Form normalisation) {
        if (setting == null || setting.isBlank()) {
            return new WebhookSecrets(List.of());
        }
        return new WebhookSecrets(Arrays.stream(setting.split(","))
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .map(secret -> normalisation == null ? secret : Normalizer.normalize(secret, normalisation))
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList());
    }

    /** Without a secret every delivery is refused: an unsigned webhook is never accepted. */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /** The HMAC of {@code body} with the newest secret (what a sender puts on it). */
    public byte[] sign(byte[] body) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No webhook secret is configured");
        }
        return mac(keys.getFirst(), body);
    }

    /** Whether {@code claimed} is the HMAC of {@code body} with any listed secret; constant time per secret. */
    public boolean matches(byte[] body, byte @Nullable [] claimed) {
        if (claimed == null) {
            return false;
        }
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(mac(key, body), claimed);
        }
        return matched;
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
