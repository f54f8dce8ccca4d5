package org.aftercart.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only store of raw payloads and of the checkpoints read from them. */
@Repository
class TrackingEvents {

    /** A checkpoint ready to store: the carrier's event with its canonical status. */
    record Mapped(CarrierEvent event, StatusMappings.Mapped status) {

        /** Carrier + tracking number (the row's key) + status code + event time + location. */
        String dedupeKey(String vocabulary) {
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

    private final JdbcClient jdbc;

    TrackingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Stores the checkpoints not stored before; returns how many were new. */
    int append(
            String trackingNumber,
            String carrier,
            String source,
            String vocabulary,
            List<Mapped> events,
            @Nullable UUID payloadId,
            Instant receivedAt) {
        if (events.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        insert into tracking.events (tracking_number, carrier, source, vocabulary, code, detail, status,
                            mapping, description, city, region, postcode, country, occurred_at, received_at, payload_id,
                            dedupe_key)
                        select :trackingNumber, :carrier, :source, :vocabulary, e.code, e.detail, e.status, e.mapping,
                            e.description, e.city, e.region, e.postcode, e.country, e.occurred_at, :receivedAt, :payload,
                            e.dedupe_key
                        from unnest(:codes::text[], :details::text[], :statuses::text[], :mappings::text[],
                            :descriptions::text[], :cities::text[], :regions::text[], :postcodes::text[],
                            :countries::text[], :occurredAt::timestamptz[], :keys::text[])
                            as e (code, detail, status, mapping, description, city, region, postcode, country,
                                occurred_at, dedupe_key)
                        order by e.occurred_at
                        on conflict (tracking_number, dedupe_key) do nothing
                        """)
                .param("trackingNumber", trackingNumber)
                .param("carrier", carrier)
                .param("source", source)
                .param("vocabulary", vocabulary)
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("payload", payloadId)
                .param("codes", events.stream().map(e -> e.event().code()).toArray(String[]::new))
                .param("details", events.stream().map(e -> e.event().detail()).toArray(String[]::new))
                .param(
                        "statuses",
                        events.stream().map(e -> e.status().status().name()).toArray(String[]::new))
                .param(
                        "mappings",
                        events.stream().map(e -> e.status().mapping()).toArray(String[]::new))
                .param(
                        "descriptions",
                        events.stream().map(e -> e.event().description()).toArray(String[]::new))
                .param("cities", locations(events, EventLocation::city))
                .param("regions", locations(events, EventLocation::region))
                .param("postcodes", locations(events, EventLocation::postcode))
                .param("countries", locations(events, EventLocation::country))
                .param(
                        "occurredAt",
                        events.stream()
                                .map(e -> Timestamp.from(e.event().occurredAt()))
                                .toArray(Timestamp[]::new))
                .param("keys", events.stream().map(e -> e.dedupeKey(vocabulary)).toArray(String[]::new))
                .update();
    }

    /** The newest checkpoint (by event time) that says something about where the parcel is. */
    Optional<Latest> latestKnown(String trackingNumber) {
        return jdbc.sql(
                        """
                        select status, occurred_at, description from tracking.events
                        where tracking_number = ? and status <> 'NO_INFO'
                        order by occurred_at desc, id desc limit 1
                        """)
                .param(trackingNumber)
                .query((rs, row) -> new Latest(
                        TrackingStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("description")))
                .optional();
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

    private static String[] locations(List<Mapped> events, java.util.function.Function<EventLocation, String> field) {
        return events.stream()
                .map(e -> e.event().location() == null
                        ? null
                        : field.apply(e.event().location()))
                .toArray(String[]::new);
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
