package org.aftercart.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens that name one id until a moment, signed with HMAC-SHA256, for links that are their own
 * proof (the tracking page, the thank-you page). A token is 41 bytes, URL-safe Base64 without
 * padding (55 characters):
 *
 * <pre>
 * kind (1 byte) | id (16 bytes, UUID most then least significant bits, big-endian)
 *   | expiry (8 bytes, Unix seconds, big-endian) | HMAC-SHA256 of the first 25 bytes, first 16 bytes
 * </pre>
 *
 * The kind byte is signed with the rest, so a token made for one kind of link never opens another,
 * even where both are signed with the same secret. Several secrets may verify (the current one
 * first, signing new tokens; earlier ones while their links may still be open).
 */
public final class SignedIdTokens {

    /** What a token turned out to be; whatever is wrong with a token that is not {@link Valid}, it is not said. */
    public sealed interface Checked {}

    /** Signed with one of the secrets, for this kind of link, and not expired. */
    public record Valid(UUID id) implements Checked {}

    /** Signed and for this kind of link, but past its expiry: the id is not told. */
    public record Expired() implements Checked {}

    /** Garbled, cut, forged, signed with an unknown secret or for another kind of link. */
    public record Invalid() implements Checked {}

    private static final Logger log = LoggerFactory.getLogger(SignedIdTokens.class);

    /** Characters of every token. */
    public static final int LENGTH = 55;

    private static final int PAYLOAD = 1 + 16 + 8;
    private static final int SIGNATURE = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte kind;
    private final List<SecretKeySpec> keys;
    private final Clock clock;

    private SignedIdTokens(byte kind, List<SecretKeySpec> keys, Clock clock) {
        this.kind = kind;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Tokens of one kind, signed with {@code secret} and verified with it and {@code previousSecrets}.
     * A blank {@code secret} is replaced by a random one with a warning naming {@code setting} and
     * {@code environmentVariable}: its tokens stop working when the application restarts.
     */
    public static SignedIdTokens of(
            int kind,
            String secret,
            List<String> previousSecrets,
            String setting,
            String environmentVariable,
            Clock clock) {
        if (kind < 1 || kind > 127) {
            throw new IllegalArgumentException("kind must be 1 to 127");
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        String current = secret;
        if (current.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            current = HexFormat.of().formatHex(random);
            log.warn(
                    "{} is not set: its links are signed with a random secret and stop working when the application"
                            + " restarts. Set it ({}).",
                    setting,
                    environmentVariable);
        }
        keys.add(key(current));
        previousSecrets.stream().filter(previous -> !previous.isBlank()).forEach(previous -> keys.add(key(previous)));
        return new SignedIdTokens((byte) kind, List.copyOf(keys), clock);
    }

    /** A token naming {@code id} until {@code expires}, signed with the current secret. */
    public String issue(UUID id, Instant expires) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE);
        payload.put(kind);
        payload.putLong(id.getMostSignificantBits());
        payload.putLong(id.getLeastSignificantBits());
        payload.putLong(expires.getEpochSecond());
        byte[] bytes = payload.array();
        System.arraycopy(sign(keys.getFirst(), bytes), 0, bytes, PAYLOAD, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The id a valid token names; empty for anything else, whatever is wrong with it. */
    public Optional<UUID> verify(String token) {
        return check(token) instanceof Valid valid ? Optional.of(valid.id()) : Optional.empty();
    }

    /** What the token is: valid (with its id), expired, or invalid. */
    public Checked check(String token) {
        if (token.length() != LENGTH) {
            return new Invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException garbled) {
            return new Invalid();
        }
        if (bytes.length != PAYLOAD + SIGNATURE) {
            return new Invalid();
        }
        byte[] signature = Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + SIGNATURE);
        boolean signed = false;
        for (SecretKeySpec key : keys) {
            // every key is tried, so the time taken does not tell which one matched
            signed |= MessageDigest.isEqual(Arrays.copyOf(sign(key, bytes), SIGNATURE), signature);
        }
        if (!signed || bytes[0] != kind) {
            return new Invalid();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        UUID id = new UUID(payload.getLong(), payload.getLong());
        Instant expires = Instant.ofEpochSecond(payload.getLong());
        return clock.instant().isBefore(expires) ? new Valid(id) : new Expired();
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
