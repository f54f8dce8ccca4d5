package org.aftercart.notifications;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The templates a merchant edited, over the built-in ones: one per kind, channel and language, or
 * for every language ({@code *}). Read through a short cache, as every message asks.
 */
@Repository
class MessageTemplates {

    static final String ANY_LANGUAGE = "*";

    /** An edited template; {@code subject} and {@code html} are e-mail only. */
    record Edited(
            String kind,
            String channel,
            String locale,
            @Nullable String subject,
            @Nullable String html,
            String body,
            Instant updatedAt,
            String updatedBy) {}

    private record Key(String kind, String channel, String locale) {}

    private final JdbcClient jdbc;
    private final LoadingCache<Key, Optional<Edited>> cache;

    MessageTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .maximumSize(1_000)
                .expireAfterWrite(Duration.ofSeconds(30))
                .build(this::load);
    }

    /** The edited template for this language, else the one for every language. */
    Optional<Edited> find(String kind, String channel, Locale locale) {
        return cache.get(new Key(kind, channel, locale.getLanguage()))
                .or(() -> cache.get(new Key(kind, channel, ANY_LANGUAGE)));
    }

    List<Edited> all() {
        return jdbc.sql("select * from notifications.templates order by kind, channel, locale")
                .query((rs, row) -> edited(rs))
                .list();
    }

    void save(Edited template) {
        jdbc.sql(
                        """
                        insert into notifications.templates (kind, channel, locale, subject, html, body, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (kind, channel, locale) do update set subject = excluded.subject,
                            html = excluded.html, body = excluded.body, updated_by = excluded.updated_by,
                            updated_at = now()
                        """)
                .params(
                        template.kind(),
                        template.channel(),
                        template.locale(),
                        template.subject(),
                        template.html(),
                        template.body(),
                        template.updatedBy())
                .update();
        cache.invalidateAll();
    }

    /** Goes back to the built-in template. */
    void reset(String kind, String channel, String locale) {
        jdbc.sql("delete from notifications.templates where kind = ? and channel = ? and locale = ?")
                .params(kind, channel, locale)
                .update();
        cache.invalidateAll();
    }

    private Optional<Edited> load(Key key) {
        return jdbc.sql("select * from notifications.templates where kind = ? and channel = ? and locale = ?")
                .params(key.kind(), key.channel(), key.locale())
                .query((rs, row) -> edited(rs))
                .optional();
    }

    private static Edited edited(ResultSet rs) throws SQLException {
        return new Edited(
                rs.getString("kind"),
                rs.getString("channel"),
                rs.getString("locale"),
                rs.getString("subject"),
                rs.getString("html"),
                rs.getString("body"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
