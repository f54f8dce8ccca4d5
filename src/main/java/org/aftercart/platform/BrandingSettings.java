package org.aftercart.platform;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which brand applies now: the one an admin saved in the console (table {@code platform.branding}),
 * else the configuration's ({@code aftercart.branding.*}). Every page, style sheet, e-mail and
 * Content-Security-Policy asks {@link #current()} when it needs the brand, never keeps a copy. The
 * saved brand is read again at most every {@value #CACHE_SECONDS} seconds (a {@link CachedReading}), so
 * a change made on another instance shows here within that time, and at once on the instance that made
 * it (ADR 26).
 */
@Service
public class BrandingSettings {

    static final long CACHE_SECONDS = 30;
    private static final Duration CACHE_FOR = Duration.ofSeconds(CACHE_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(BrandingSettings.class);
    private static final TypeReference<Map<String, String>> GREETINGS = new TypeReference<>() {};

    /** The brand an admin saved, who saved it and when. */
    public record Saved(Branding branding, String updatedBy, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Branding defaults;
    private final CachedReading<Optional<Saved>> saved;

    BrandingSettings(JdbcClient jdbc, JsonMapper json, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        // Bound here rather than as a bean of its own, so that nothing can inject the defaults by mistake.
        this.defaults = Binder.get(environment).bindOrCreate("aftercart.branding", Branding.class);
        this.saved = CachedReading.of(CACHE_FOR, () -> Optional.ofNullable(read()), clock);
    }

    /** The brand that applies now. */
    public Branding current() {
        return saved().map(Saved::branding).orElse(defaults);
    }

    /** The configuration's brand, which applies when none is saved. */
    public Branding defaults() {
        return defaults;
    }

    /** The brand an admin saved, if one did (and it was not reset since). */
    public Optional<Saved> saved() {
        return saved.get();
    }

    /** Saves the brand (checked when it was made) for every page and e-mail; returns the one it replaces. */
    @Transactional
    public Branding save(Branding branding, String actor) {
        Saved before = read();
        jdbc.sql(
                        """
                        insert into platform.branding (singleton, shop_name, logo_url, primary_colour, accent_colour,
                            background_colour, font_family, greeting, updated_by, updated_at)
                        values (true, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict (singleton) do update set
                            shop_name = excluded.shop_name, logo_url = excluded.logo_url,
                            primary_colour = excluded.primary_colour, accent_colour = excluded.accent_colour,
                            background_colour = excluded.background_colour, font_family = excluded.font_family,
                            greeting = excluded.greeting, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at
                        """)
                .params(
                        branding.shopName(),
                        branding.logoUrl() == null ? null : branding.logoUrl().toString(),
                        branding.primaryColour(),
                        branding.accentColour(),
                        branding.backgroundColour(),
                        branding.fontFamily(),
                        json.writeValueAsString(branding.greeting()),
                        actor,
                        Timestamp.from(clock.instant()))
                .update();
        saved.invalidate();
        return before == null ? defaults : before.branding();
    }

    /** Back to the configuration's brand; returns the one it replaces. */
    @Transactional
    public Branding reset() {
        Saved before = read();
        jdbc.sql("delete from platform.branding").update();
        saved.invalidate();
        return before == null ? defaults : before.branding();
    }

    private @Nullable Saved read() {
        java.util.List<@Nullable Saved> rows = jdbc.sql(
                        """
                        select shop_name, logo_url, primary_colour, accent_colour, background_colour, font_family,
                               greeting, updated_by, updated_at
                        from platform.branding
                        """)
                .query((rs, row) -> {
                    String logo = rs.getString("logo_url");
                    try {
                        return new Saved(
                                new Branding(
                                        rs.getString("shop_name"),
                                        logo == null ? null : URI.create(logo),
                                        rs.getString("primary_colour"),
                                        rs.getString("accent_colour"),
                                        rs.getString("background_colour"),
                                        rs.getString("font_family"),
                                        json.readValue(rs.getString("greeting"), GREETINGS)),
                                rs.getString("updated_by"),
                                rs.getTimestamp("updated_at").toInstant());
                    } catch (IllegalArgumentException noLongerValid) {
                        // Saved under older, looser rules: the pages keep working with the defaults.
                        log.warn(
                                "The saved brand is not valid any more, the configured one applies: {}",
                                noLongerValid.getMessage());
                        return null;
                    }
                })
                .list();
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
