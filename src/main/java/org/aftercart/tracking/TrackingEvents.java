package org.aftercart.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only store of raw payloads and of the checkpoints read from them. */
@Repository
class TrackingEvents {

    /** A checkpoint ready to store: the carrier's event, for one tracking number, with its canonical status. */
    record Checkpoint(
            String trackingNumber,
            String carrier,
            String vocabulary,
            CarrierEvent event,
            StatusMappings.Mapped status) {

        /** Carrier + tracking number (the row's key) + status code + event time + location. */
        String dedupeKey() {
            EventLocation place = event.location();
            return String.join(
                    "|",
                    vocabulary,
                    event.code(),
                    nullToEmpty(event.detail()),
                    event.occurredAt().toString(),
                    place == null
                            ? ""
                            : String.join(
                                    ",",
                                    nullToEmpty(place.city()),
                                    nullToEmpty(place.region()),
                                    nullToEmpty(place.postcode()),
                                    nullToEmpty(place.country())));
        }
    }

    record Latest(TrackingStatus status, Instant occurredAt, @Nullable String description) {}

    /** The advisory lock space of tracking numbers (first half of the two-int key). */
    private static final int TRACKING_NUMBER_LOCKS = 0x7472; // "tr"

    private final JdbcClient jdbc;

    TrackingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the work on these tracking numbers until the transaction ends, so that a parcel
     * registering while its carrier's first checkpoints come in cannot miss them: whichever comes
     * second sees what the first committed. Locks are taken in one order, so two intakes cannot
     * deadlock.
     */
    void lockTrackingNumbers(Collection<String> trackingNumbers) {
        jdbc.sql(
                        """
                        select pg_advisory_xact_lock(:space, k)
                        from (select distinct hashtext(n) as k from unnest(:numbers::text[]) as n order by 1) as keys
                        """)
                .param("space", TRACKING_NUMBER_LOCKS)
                .param("numbers", trackingNumbers.toArray(String[]::new))
                .query((rs, row) -> row)
                .list();
    }

    /** Stores the payload unless the very same bytes were stored before; returns its id either way. */
    UUID storePayload(String source, String body, Instant receivedAt) {
        byte[] digest = sha256(body);
        return jdbc.sql(
                        """
                        with stored as (
                            insert into tracking.payloads (id, source, received_at, body, body_sha256)
                            values (?, ?, ?, ?, ?)
                            on conflict (body_sha256) do nothing
                            returning id
                        )
                        select id from stored
                        union all
                        select id from tracking.payloads where body_sha256 = ? and not exists (select 1 from stored)
                        """)
                .params(UUID.randomUUID(), source, Timestamp.from(receivedAt), body, digest, digest)
                .query(UUID.class)
                .optional()
                // stored by a transaction that committed after this statement's snapshot
                .orElseGet(() -> jdbc.sql("select id from tracking.payloads where body_sha256 = ?")
                        .param(digest)
                        .query(UUID.class)
                        .single());
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the checkpoints not stored before, of any number of tracking numbers, in one statement;
     * returns how many were new per tracking number.
     */
    Map<String, Integer> append(
            String source, List<Checkpoint> checkpoints, @Nullable UUID payloadId, Instant receivedAt) {
        Map<String, Integer> added = new HashMap<>();
        if (checkpoints.isEmpty()) {
            return added;
        }
        jdbc.sql(
                        """
                        insert into tracking.events (tracking_number, carrier, source, vocabulary, code, detail, status,
                            mapping, description, city, region, postcode, country, occurred_at, received_at, payload_id,
                            dedupe_key)
                        select e.tracking_number, e.carrier, :source, e.vocabulary, e.code, e.detail, e.status, e.mapping,
                            e.description, e.city, e.region, e.postcode, e.country, e.occurred_at, :receivedAt, :payload,
                            e.dedupe_key
                        from unnest(:numbers::text[], :carriers::text[], :vocabularies::text[], :codes::text[],
                            :details::text[], :statuses::text[], :mappings::text[], :descriptions::text[],
                            :cities::text[], :regions::text[], :postcodes::text[], :countries::text[],
                            :occurredAt::timestamptz[], :keys::text[])
                            as e (tracking_number, carrier, vocabulary, code, detail, status, mapping, description, city,
                                region, postcode, country, occurred_at, dedupe_key)
                        order by e.tracking_number, e.occurred_at
                        on conflict (tracking_number, dedupe_key) do nothing
                        returning tracking_number
                        """)
                .param("source", source)
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("payload", payloadId)
                .param("numbers", texts(checkpoints, Checkpoint::trackingNumber))
                .param("carriers", texts(checkpoints, Checkpoint::carrier))
                .param("vocabularies", texts(checkpoints, Checkpoint::vocabulary))
                .param("codes", texts(checkpoints, c -> c.event().code()))
                .param("details", texts(checkpoints, c -> c.event().detail()))
                .param("statuses", texts(checkpoints, c -> c.status().status().name()))
                .param("mappings", texts(checkpoints, c -> c.status().mapping()))
                .param("descriptions", texts(checkpoints, c -> c.event().description()))
                .param("cities", texts(checkpoints, c -> place(c, EventLocation::city)))
                .param("regions", texts(checkpoints, c -> place(c, EventLocation::region)))
                .param("postcodes", texts(checkpoints, c -> place(c, EventLocation::postcode)))
                .param("countries", texts(checkpoints, c -> place(c, EventLocation::country)))
                .param(
                        "occurredAt",
                        checkpoints.stream()
                                .map(c -> Timestamp.from(c.event().occurredAt()))
                                .toArray(Timestamp[]::new))
                .param("keys", texts(checkpoints, Checkpoint::dedupeKey))
                .query(rs -> {
                    added.merge(rs.getString(1), 1, Integer::sum);
                });
        return added;
    }

    /**
     * The newest checkpoint (by event time) of each tracking number that says something about where
     * the parcel is.
     */
    Map<String, Latest> latestKnown(Collection<String> trackingNumbers) {
        Map<String, Latest> latest = new HashMap<>();
        jdbc.sql(
                        """
                        select n.tracking_number, e.status, e.occurred_at, e.description
                        from unnest(?::text[]) as n (tracking_number)
                        cross join lateral (
                            select status, occurred_at, description from tracking.events e
                            where e.tracking_number = n.tracking_number and e.status <> 'NO_INFO'
                            order by occurred_at desc, id desc limit 1
                        ) e
                        """)
                .param(trackingNumbers.toArray(String[]::new))
                .query(rs -> {
                    latest.put(
                            rs.getString("tracking_number"),
                            new Latest(
                                    TrackingStatus.valueOf(rs.getString("status")),
                                    rs.getTimestamp("occurred_at").toInstant(),
                                    rs.getString("description")));
                });
        return latest;
    }

    /** When the carrier last said anything about this tracking number. */
    Optional<Instant> latestActivity(String trackingNumber) {
        return jdbc.sql(
                        "select occurred_at from tracking.events where tracking_number = ? order by occurred_at desc limit 1")
                .param(trackingNumber)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Newest first. */
    List<TrackingEventView> timeline(String trackingNumber) {
        return jdbc.sql(
                        """
                        select occurred_at, status, description, city, region, postcode, country, source
                        from tracking.events where tracking_number = ? order by occurred_at desc, id desc
                        """)
                .param(trackingNumber)
                .query((rs, row) -> {
                    EventLocation place = new EventLocation(
                            rs.getString("city"),
                            rs.getString("region"),
                            rs.getString("postcode"),
                            rs.getString("country"));
                    return new TrackingEventView(
                            rs.getTimestamp("occurred_at").toInstant(),
                            TrackingStatus.valueOf(rs.getString("status")),
                            rs.getString("description"),
                            place.isEmpty() ? null : place,
                            rs.getString("source"));
                })
                .list();
    }

    private static String[] texts(List<Checkpoint> checkpoints, Function<Checkpoint, @Nullable String> field) {
        return checkpoints.stream().map(field).toArray(String[]::new);
    }

    private static @Nullable String place(Checkpoint checkpoint, Function<EventLocation, @Nullable String> field) {
        EventLocation location = checkpoint.event().location();
        return location == null ? null : field.apply(location);
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
