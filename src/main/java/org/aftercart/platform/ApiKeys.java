package org.aftercart.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
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

    /** A key as the console lists it: never the key, which only its hash stands for. */
    public record ApiKeyView(
            long id,
            String label,
            @Nullable String createdBy,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A key just issued: the one time the key itself is known. */
    public record IssuedKey(long id, String key) {}

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new key and returns it; it cannot be read back later. */
    public String issue(String label) {
        return issue(label, null).key();
    }

    /** Issues a new key for a staff member (who is kept with it) and returns it, once. */
    public IssuedKey issue(String label, @Nullable String createdBy) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "ak_" + HexFormat.of().formatHex(secret);
        long id = jdbc.sql("insert into platform.api_keys (key_hash, label, created_by) values (?, ?, ?) returning id")
                .params(hash(key), label, createdBy)
                .query(Long.class)
                .single();
        return new IssuedKey(id, key);
    }

    /** Every key, newest first, revoked ones too (their history matters). */
    public List<ApiKeyView> list() {
        return jdbc.sql(
                        """
                        select id, label, created_by, created_at, last_used_at, revoked_at
                        from platform.api_keys order by created_at desc, id desc
                        """)
                .query((rs, row) -> new ApiKeyView(
                        rs.getLong("id"),
                        rs.getString("label"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    public Optional<ApiKeyView> find(long id) {
        return list().stream().filter(key -> key.id() == id).findFirst();
    }

    /** Revokes a key by its number; true when it was in use until now. */
    public boolean revoke(long id) {
        Optional<String> revoked = jdbc.sql(
                        "update platform.api_keys set revoked_at = now() where id = ? and revoked_at is null"
                                + " returning key_hash")
                .param(id)
                .query(String.class)
                .optional();
        revoked.ifPresent(cache::remove);
        return revoked.isPresent();
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
        // Looked up at most once per key and cache period, so "last used" is exact to that period.
        Optional<String> label = jdbc.sql(
                        """
                        update platform.api_keys set last_used_at = now()
                        where key_hash = ? and revoked_at is null returning label
                        """)
                .param(hash)
                .query(String.class)
                .optional();
        label.ifPresentOrElse(
                found -> cache.put(hash, new Cached(found, Instant.now().plus(CACHE_FOR))), () -> cache.remove(hash));
        return label;
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
