package org.aftercart.offers;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The offers table ({@code offers.offers}) and the figures read with it. */
@Repository
class OfferStore {

    private static final String COLUMNS =
            "o.id, o.slot, o.headline, o.body, o.call_to_action, o.target_url, o.code, o.languages, o.starts_at,"
                    + " o.ends_at, o.enabled, o.updated_at";

    private final JdbcClient jdbc;

    OfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, OfferDraft draft, Instant now) {
        jdbc.sql(
                        """
                        insert into offers.offers (id, slot, headline, body, call_to_action, target_url, code,
                            languages, starts_at, ends_at, enabled, created_at, updated_at)
                        values (:id, :slot, :headline, :body, :cta, :target, :code, :languages::text[], :starts::timestamptz,
                            :ends::timestamptz, :enabled, :now, :now)
                        """)
                .param("id", id)
                .params(values(draft))
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean update(UUID id, OfferDraft draft, Instant now) {
        return jdbc.sql(
                                """
                        update offers.offers
                        set slot = :slot, headline = :headline, body = :body, call_to_action = :cta,
                            target_url = :target, code = :code, languages = :languages::text[],
                            starts_at = :starts::timestamptz, ends_at = :ends::timestamptz, enabled = :enabled, updated_at = :now
                        where id = :id
                        """)
                        .param("id", id)
                        .params(values(draft))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Offer> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from offers.offers o where o.id = ?")
                .param(id)
                .query(OfferStore::offer)
                .optional();
    }

    /** The enabled offer of the slot for a page in this language at this moment, if any. */
    Optional<Offer> showing(OfferSlot slot, Locale language, Instant now) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from offers.offers o
                        where o.slot = :slot and o.enabled and o.starts_at <= :now
                          and (o.ends_at is null or o.ends_at > :now)
                          and (cardinality(o.languages) = 0 or :language = any (o.languages))
                        order by cardinality(o.languages) desc, o.starts_at desc, o.id
                        limit 1
                        """)
                .param("slot", slot.name())
                .param("now", Timestamp.from(now))
                .param("language", language.getLanguage())
                .query(OfferStore::offer)
                .optional();
    }

    /**
     * The headline of another enabled offer of the slot shown at some same moment in some same
     * language; empty when there is none. Called under {@link #lockSlot}.
     */
    Optional<String> overlapping(@Nullable UUID id, OfferDraft draft) {
        return jdbc.sql(
                        """
                        select headline from offers.offers
                        where slot = :slot and enabled and id is distinct from :id::uuid
                          and tstzrange(starts_at, ends_at) && tstzrange(:starts::timestamptz, :ends::timestamptz)
                          and (cardinality(languages) = 0 or cardinality(:languages::text[]) = 0
                               or languages && :languages::text[])
                        order by starts_at
                        limit 1
                        """)
                .param("slot", draft.slot().name())
                .param("id", id)
                .param("starts", timestamp(draft.startsAt()))
                .param("ends", timestamp(draft.endsAt()))
                .param("languages", draft.languages().toArray(String[]::new))
                .query(String.class)
                .optional();
    }

    /** Saves of one slot's offers wait for each other until commit, so that two cannot overlap. */
    void lockSlot(OfferSlot slot) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("offers.slot." + slot.name())
                .query((rs, row) -> 1)
                .list();
    }

    /** Every offer with its figures, the latest start first. */
    List<OfferReport> reports() {
        return jdbc.sql(REPORTS + " order by o.starts_at desc, o.id")
                .query(OfferStore::report)
                .list();
    }

    Optional<OfferReport> report(UUID id) {
        return jdbc.sql(REPORTS + " where o.id = ?")
                .param(id)
                .query(OfferStore::report)
                .optional();
    }

    private static final String REPORTS = "select " + COLUMNS
            + """
            , coalesce(v.views, 0) as views, coalesce(v.unique_views, 0) as unique_views,
              coalesce(c.clicks, 0) as clicks, coalesce(c.unique_clicks, 0) as unique_clicks
            from offers.offers o
            left join (select offer_id, sum(views) as views, count(*) as unique_views
                       from offers.offer_views group by offer_id) v on v.offer_id = o.id
            left join (select offer_id, sum(clicks) as clicks, count(*) as unique_clicks
                       from offers.offer_clicks group by offer_id) c on c.offer_id = o.id
            """;

    private static OfferReport report(ResultSet rs, int row) throws SQLException {
        return new OfferReport(
                offer(rs, row),
                new OfferStats(
                        rs.getLong("views"),
                        rs.getLong("unique_views"),
                        rs.getLong("clicks"),
                        rs.getLong("unique_clicks")));
    }

    private static java.util.Map<String, @Nullable Object> values(OfferDraft draft) {
        java.util.Map<String, @Nullable Object> values = new java.util.HashMap<>();
        values.put("slot", draft.slot().name());
        values.put("headline", draft.headline());
        values.put("body", draft.body());
        values.put("cta", draft.callToAction());
        values.put("target", draft.targetUrl());
        values.put("code", draft.code());
        values.put("languages", draft.languages().toArray(String[]::new));
        values.put("starts", timestamp(draft.startsAt()));
        values.put("ends", timestamp(draft.endsAt()));
        values.put("enabled", draft.enabled());
        return values;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        Timestamp ends = rs.getTimestamp("ends_at");
        return new Offer(
                rs.getObject("id", UUID.class),
                OfferSlot.valueOf(rs.getString("slot")),
                rs.getString("headline"),
                rs.getString("body"),
                rs.getString("call_to_action"),
                URI.create(rs.getString("target_url")),
                rs.getString("code"),
                languages(rs.getArray("languages")),
                rs.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant(),
                rs.getBoolean("enabled"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> languages(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
