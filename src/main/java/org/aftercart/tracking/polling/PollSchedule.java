package org.aftercart.tracking.polling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code tracking.poll_schedule}: which tracking numbers are polled, and when next. Every
 * statement stands alone (auto-commit), so that no lock is held while a carrier is asked.
 */
@Repository
class PollSchedule {

    private static final String[] FINAL = Arrays.stream(TrackingStatus.values())
            .filter(TrackingStatus::isFinal)
            .map(Enum::name)
            .toArray(String[]::new);

    /** A row claimed for one poll. */
    record Claimed(String trackingNumber, int quietPolls, int failures) {}

    private final JdbcClient jdbc;

    PollSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts polling the tracking numbers of parcels that are on their way with one of these
     * carriers and not followed yet: due at once, silent since now.
     */
    int enrol(List<String> carriers, Instant now) {
        if (carriers.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        insert into tracking.poll_schedule (tracking_number, carrier, next_poll_at, last_change_at)
                        select s.tracking_number, min(%s), :now, :now
                        from tracking.shipments s
                        where s.delivered_at is null and s.tracking_number is not null and s.status <> all(:final)
                          and %s = any(:carriers)
                          and not exists (select 1 from tracking.poll_schedule p where p.tracking_number = s.tracking_number)
                        group by s.tracking_number
                        on conflict (tracking_number) do nothing
                        """
                                .formatted(CarrierKeys.SQL, CarrierKeys.SQL))
                .param("now", Timestamp.from(now))
                .param("final", FINAL)
                .param("carriers", carriers.toArray(String[]::new))
                .update();
    }

    /**
     * Takes the lock under which one instance at a time enrols and retires, until the transaction
     * ends; false when another instance holds it (it does the work).
     */
    boolean lockHousekeeping() {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext('tracking.poll_schedule'))")
                .query(Boolean.class)
                .single();
    }

    /**
     * Stops polling tracking numbers none of whose parcels is still on its way (delivered, or in
     * another final status); all of them, or only these. Rows locked by someone else are left for
     * the next time, so this never waits on another instance.
     */
    int retireFinished(Instant now, @Nullable List<String> only) {
        var statement = jdbc.sql(
                        """
                        update tracking.poll_schedule set retired_at = :now, retire_reason = 'final', claimed_until = null
                        where tracking_number in (
                            select p.tracking_number from tracking.poll_schedule p
                            where p.retired_at is null %s
                              and not exists (
                                  select 1 from tracking.shipments s
                                  where s.tracking_number = p.tracking_number and s.delivered_at is null
                                    and s.status <> all(:final))
                            for update skip locked)
                        """
                                .formatted(only == null ? "" : "and p.tracking_number = any(:only)"))
                .param("now", Timestamp.from(now))
                .param("final", FINAL);
        if (only != null) {
            statement = statement.param("only", only.toArray(String[]::new));
        }
        return statement.update();
    }

    /** Stops polling tracking numbers whose polls have brought nothing new since {@code silentSince}. */
    List<String> retireSilent(Instant now, Instant silentSince) {
        return jdbc.sql(
                        """
                        update tracking.poll_schedule set retired_at = :now, retire_reason = 'silent'
                        where tracking_number in (
                            select tracking_number from tracking.poll_schedule
                            where retired_at is null and last_change_at <= :silentSince
                              and (claimed_until is null or claimed_until <= :now)
                            for update skip locked)
                        returning tracking_number
                        """)
                .param("now", Timestamp.from(now))
                .param("silentSince", Timestamp.from(silentSince))
                .query(String.class)
                .list();
    }

    /**
     * Claims up to {@code limit} tracking numbers of this carrier that are due, until {@code until}.
     * Rows another instance is claiming at the same moment are skipped, and rows it holds are not
     * due, so no two instances ever poll the same parcel at once.
     */
    List<Claimed> claim(String carrier, Instant now, int limit, Instant until) {
        return jdbc.sql(
                        """
                        update tracking.poll_schedule p set claimed_until = :until
                        where p.tracking_number in (
                            select tracking_number from tracking.poll_schedule
                            where carrier = :carrier and retired_at is null and next_poll_at <= :now
                              and (claimed_until is null or claimed_until <= :now)
                            order by next_poll_at, tracking_number
                            limit :limit
                            for update skip locked)
                        returning p.tracking_number, p.quiet_polls, p.failures
                        """)
                .param("until", Timestamp.from(until))
                .param("carrier", carrier)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** The newest checkpoint id of each tracking number: a poll brought news when it grows. */
    Map<String, Long> newestEvents(List<String> trackingNumbers) {
        Map<String, Long> newest = new HashMap<>();
        jdbc.sql(
                        """
                        select tracking_number, max(id) from tracking.events
                        where tracking_number = any(?) group by tracking_number
                        """)
                .param(trackingNumbers.toArray(String[]::new))
                .query(rs -> {
                    newest.put(rs.getString(1), rs.getLong(2));
                });
        return newest;
    }

    /** Records a poll that brought news: the parcel is polled again after the shortest wait. */
    void news(String trackingNumber, Instant now, Instant next) {
        jdbc.sql(
                        """
                        update tracking.poll_schedule set next_poll_at = ?, quiet_polls = 0, failures = 0,
                            last_polled_at = ?, last_change_at = ?, last_error = null, claimed_until = null
                        where tracking_number = ?
                        """)
                .params(Timestamp.from(next), Timestamp.from(now), Timestamp.from(now), trackingNumber)
                .update();
    }

    /** Records a poll that brought nothing new. */
    void quiet(String trackingNumber, Instant now, int quietPolls, Instant next) {
        jdbc.sql(
                        """
                        update tracking.poll_schedule set next_poll_at = ?, quiet_polls = ?, failures = 0,
                            last_polled_at = ?, last_error = null, claimed_until = null
                        where tracking_number = ?
                        """)
                .params(Timestamp.from(next), quietPolls, Timestamp.from(now), trackingNumber)
                .update();
    }

    /** Records a failed poll. */
    void failed(String trackingNumber, Instant now, int failures, Instant next, String error) {
        jdbc.sql(
                        """
                        update tracking.poll_schedule set next_poll_at = ?, failures = ?, last_polled_at = ?,
                            last_error = ?, claimed_until = null
                        where tracking_number = ?
                        """)
                .params(Timestamp.from(next), failures, Timestamp.from(now), error, trackingNumber)
                .update();
    }
}
