package org.aftercart.tracking;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aftercart.orders.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signed links to an order's tracking page, for e-mails and messages: {@code /track/{token}}, where
 * the token names the order and when the link expires, signed with HMAC-SHA256. Nobody can make a
 * token for another order without the secret, so the link alone proves which order it shows.
 * Tokens are URL-safe Base64, 55 characters.
 */
@Service
public class TrackingLinks {

    private static final Logger log = LoggerFactory.getLogger(TrackingLinks.class);

    private static final byte VERSION = 1;
    private static final int PAYLOAD = 1 + 16 + 8;
    private static final int SIGNATURE = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final TrackingLinkSettings settings;
    private final Clock clock;

    TrackingLinks(TrackingLinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        List<SecretKeySpec> keys = new ArrayList<>();
        String current = settings.linkSecret();
        if (current.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            current = HexFormat.of().formatHex(random);
            log.warn("aftercart.tracking.link-secret is not set: tracking links are signed with a random secret"
                    + " and stop working when the application restarts. Set it (AFTERCART_TRACKING_LINK_SECRET).");
        }
        keys.add(key(current));
        settings.previousLinkSecrets().forEach(secret -> keys.add(key(secret)));
        this.keys = List.copyOf(keys);
    }

    /** A token that opens the order's page for the configured validity. */
    public String tokenFor(OrderId order) {
        return tokenFor(order, settings.linkValidity());
    }

    /** A token that opens the order's page for {@code validity}. */
    public String tokenFor(OrderId order, Duration validity) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE);
        payload.put(VERSION);
        payload.putLong(order.id().getMostSignificantBits());
        payload.putLong(order.id().getLeastSignificantBits());
        payload.putLong(clock.instant().plus(validity).getEpochSecond());
        byte[] bytes = payload.array();
        System.arraycopy(sign(keys.getFirst(), bytes), 0, bytes, PAYLOAD, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The page's path, {@code /track/{token}}. */
    public String pathFor(OrderId order) {
        return "/track/" + tokenFor(order);
    }

    /** The full link to put in an e-mail, on the configured public URL. */
    public URI linkFor(OrderId order) {
        return URI.create(settings.publicUrl() + pathFor(order));
    }

    /**
     * The order a token names, when it was signed with one of the secrets and has not expired;
     * empty for anything else, whatever is wrong with it.
     */
    public Optional<OrderId> verify(String token) {
        if (token.length() != 55) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException garbled) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + SIGNATURE || bytes[0] != VERSION) {
            return Optional.empty();
        }
        byte[] signature = Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + SIGNATURE);
        boolean signed = false;
        for (SecretKeySpec key : keys) {
            // every key is tried, so the time taken does not tell which one matched
            signed |= MessageDigest.isEqual(Arrays.copyOf(sign(key, bytes), SIGNATURE), signature);
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        UUID order = new UUID(payload.getLong(), payload.getLong());
        Instant expires = Instant.ofEpochSecond(payload.getLong());
        if (!signed || !clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new OrderId(order));
    }

    private static byte[] sign(SecretKeySpec key, byte[] token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(token, 0, PAYLOAD);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
