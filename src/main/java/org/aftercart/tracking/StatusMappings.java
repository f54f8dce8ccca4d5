package org.aftercart.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.platform.CachedReading;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps carrier codes to {@link TrackingStatus}es from data: a versioned built-in table shipped with
 * Aftercart ({@link BuiltInStatusMappings}), under the merchant's overrides of single codes (table {@code
 * tracking.status_mapping_overrides}). A code is looked up with its detail first, then without, so an
 * AfterShip subtag nobody knows yet falls back on its tag. The {@code canonical} vocabulary is the
 * statuses' own names.
 */
@Component
public class StatusMappings {

    static final String CANONICAL = "canonical";

    /** Overrides set on another instance are seen within this time; on this one at once. */
    private static final Duration OVERRIDES_TTL = Duration.ofSeconds(30);

    /** A status and what decided it, e.g. {@code built-in v1} or {@code override}. */
    public record Mapped(TrackingStatus status, String mapping) {}

    public record Override(String vocabulary, String code, @Nullable String detail, TrackingStatus status) {}

    private final BuiltInStatusMappings builtIn = BuiltInStatusMappings.load();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CachedReading<Map<Key, TrackingStatus>> overrides;

    StatusMappings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.overrides = CachedReading.of(OVERRIDES_TTL, this::readOverrides, clock);
    }

    public Mapped map(String vocabulary, String code, @Nullable String detail) {
        if (CANONICAL.equals(vocabulary)) {
            return new Mapped(TrackingStatus.valueOf(code), CANONICAL);
        }
        Map<Key, TrackingStatus> merchant = currentOverrides();
        Key exact = new Key(vocabulary, code, detail == null ? "" : detail);
        Key coarse = new Key(vocabulary, code, "");
        if (merchant.containsKey(exact)) {
            return new Mapped(merchant.get(exact), "override");
        }
        if (builtIn.find(vocabulary, code, detail).isPresent()) {
            return new Mapped(builtIn.find(vocabulary, code, detail).get(), BuiltInStatusMappings.VERSION);
        }
        if (merchant.containsKey(coarse)) {
            return new Mapped(merchant.get(coarse), "override");
        }
        if (builtIn.find(vocabulary, code, null).isPresent()) {
            return new Mapped(builtIn.find(vocabulary, code, null).get(), BuiltInStatusMappings.VERSION);
        }
        return new Mapped(TrackingStatus.NO_INFO, "unmapped");
    }

    /** Whether codes of this vocabulary can be overridden: a carrier's, not the canonical statuses. */
    public boolean knows(String vocabulary) {
        return builtIn.vocabularies().contains(vocabulary);
    }

    /** Sets the merchant's mapping of one code (with or without its detail); applies to new events. */
    @Transactional
    public void override(Override mapping, String actor) {
        jdbc.sql(
                        """
                        insert into tracking.status_mapping_overrides (vocabulary, code, detail, status, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (vocabulary, code, detail) do update
                            set status = excluded.status, set_by = excluded.set_by, set_at = excluded.set_at
                        """)
                .params(
                        mapping.vocabulary(),
                        mapping.code(),
                        mapping.detail() == null ? "" : mapping.detail(),
                        mapping.status().name(),
                        actor,
                        Timestamp.from(clock.instant()))
                .update();
        overrides.invalidate();
    }

    /** Removes the merchant's mapping of one code (and detail); new events follow the built-in table again. */
    @Transactional
    public boolean removeOverride(String vocabulary, String code, @Nullable String detail) {
        int removed = jdbc.sql(
                        "delete from tracking.status_mapping_overrides where vocabulary = ? and code = ? and detail = ?")
                .params(vocabulary, code, detail == null ? "" : detail)
                .update();
        overrides.invalidate();
        return removed > 0;
    }

    BuiltInStatusMappings builtIn() {
        return builtIn;
    }

    public List<Override> overrides() {
        return currentOverrides().entrySet().stream()
                .map(e -> new Override(
                        e.getKey().vocabulary(),
                        e.getKey().code(),
                        e.getKey().detail().isEmpty() ? null : e.getKey().detail(),
                        e.getValue()))
                .toList();
    }

    private Map<Key, TrackingStatus> currentOverrides() {
        return overrides.get();
    }

    private Map<Key, TrackingStatus> readOverrides() {
        Map<Key, TrackingStatus> loaded = new HashMap<>();
        jdbc.sql("select vocabulary, code, detail, status from tracking.status_mapping_overrides")
                .query(rs -> {
                    loaded.put(
                            new Key(rs.getString("vocabulary"), rs.getString("code"), rs.getString("detail")),
                            TrackingStatus.valueOf(rs.getString("status")));
                });
        return Map.copyOf(loaded);
    }

    private record Key(String vocabulary, String code, String detail) {}
}
