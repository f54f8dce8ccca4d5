package org.aftercart.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys for integrations (storefronts, POS, WMS/3PL). Only a SHA-256 of each key is stored; the
 * key itself is shown once, when issued. Lookups are cached briefly because every API call makes one.
 */
@Service
public class ApiKeys {

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(String label, Instant until) {}

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new key and returns it; it cannot be read back later. */
    public String issue(String label) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "ak_" + HexFormat.of().formatHex(secret);
        register(label, key);
        return key;
    }

    /** Registers a key chosen elsewhere (e.g. the demo's well-known key). Idempotent. */
    public void register(String label, String key) {
        jdbc.sql("insert into platform.api_keys (key_hash, label) values (?, ?) on conflict (key_hash) do nothing")
                .params(hash(key), label)
                .update();
    }

    public void revoke(String key) {
        jdbc.sql("update platform.api_keys set revoked_at = now() where key_hash = ?")
                .param(hash(key))
                .update();
        cache.remove(hash(key));
    }

    /** The label of a valid key, or empty. */
    Optional<String> authenticate(String key) {
        String hash = hash(key);
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Optional.of(cached.label());
        }
        Optional<String> label = jdbc.sql(
                        "select label from platform.api_keys where key_hash = ? and revoked_at is null")
                .param(hash)
                .query(String.class)
                .optional();
        label.ifPresentOrElse(
                found -> cache.put(hash, new Cached(found, Instant.now().plus(CACHE_FOR))), () -> cache.remove(hash));
        return label;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
