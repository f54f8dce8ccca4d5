package org.aftercart.tracking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds parcels that are late before their customers do, and announces each one once with {@link
 * ShipmentDelayed}. A parcel on its way (not delivered, cancelled or returning, with a tracking
 * number) is delayed when
 *
 * <ul>
 *   <li>{@value #PROMISE_PASSED}: the latest promised date (the P90 date of a learned promise) is
 *       over, in the configured time zone, and it has not been delivered;
 *   <li>{@value #CARRIER_ESTIMATE_LATER}: the carrier's estimate is later than the latest date
 *       promised so far (checked as each event arrives, and again here);
 *   <li>{@value #SILENT}: the carrier has not scanned it for {@code aftercart.tracking.silent-after}
 *       (counted from shipping when it never scanned it).
 * </ul>
 *
 * <p>Safe with several instances: candidates are claimed with {@code for update skip locked} and
 * marked by a conditional update that only succeeds once per parcel; the event is published in the
 * same transaction, through the event publication registry.
 */
@Component
class ShipmentDelays {

    static final String PROMISE_PASSED = "promise-passed";
    static final String CARRIER_ESTIMATE_LATER = "carrier-estimate-later";
    static final String SILENT = "silent";

    private static final Logger log = LoggerFactory.getLogger(ShipmentDelays.class);
    private static final int BATCH = 200;

    private final Shipments shipments;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final TrackingSettings settings;
    private final DeliveryPromiseSettings promiseSettings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShipmentDelays(
            Shipments shipments,
            JdbcClient jdbc,
            ApplicationEventPublisher publisher,
            TrackingSettings settings,
            DeliveryPromiseSettings promiseSettings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.shipments = shipments;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.settings = settings;
        this.promiseSettings = promiseSettings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${aftercart.tracking.delay-check-every:PT15M}",
            fixedDelayString = "${aftercart.tracking.delay-check-every:PT15M}")
    void checkNow() {
        int delayed = check(clock.instant());
        if (delayed > 0) {
            log.info("{} parcel(s) found delayed", delayed);
        }
    }

    /** Marks and announces every parcel that is late at {@code now}; returns how many were new. */
    int check(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, promiseSettings.timeZone());
        Instant silentSince = now.minus(settings.silentAfter());
        int delayed = 0;
        while (true) {
            int[] batch = transactions.execute(status -> checkBatch(now, today, silentSince));
            if (batch == null) {
                return delayed;
            }
            delayed += batch[1];
            if (batch[0] < BATCH) {
                return delayed;
            }
        }
    }

    /**
     * Marks the parcel delayed and publishes {@link ShipmentDelayed} in the caller's transaction,
     * unless it was already delayed or has been delivered; true when it announced.
     */
    boolean announce(UUID parcel, Instant now, String reason) {
        if (!shipments.markDelayed(parcel, now, reason)) {
            return false;
        }
        publisher.publishEvent(
                new ShipmentDelayed(shipments.find(parcel).orElseThrow().view(), reason));
        return true;
    }

    /** Candidates seen and parcels announced. */
    private int[] checkBatch(Instant now, LocalDate today, Instant silentSince) {
        record Candidate(UUID id, String reason) {}
        List<Candidate> candidates = jdbc.sql(
                        """
                        select id,
                            case when promise_latest < :today then :passed
                                 when carrier_estimate > promise_latest then :later
                                 else :silent end as reason
                        from tracking.shipments
                        where delivered_at is null and delayed_since is null and tracking_number is not null
                            and status not in ('DELIVERED', 'CANCELLED', 'RETURNING_TO_SENDER')
                            and (promise_latest < :today
                                 or carrier_estimate > promise_latest
                                 or coalesce(last_event_at, shipped_at) < :silentSince)
                        order by shipped_at, id
                        limit :batch
                        for update skip locked
                        """)
                .param("today", Date.valueOf(today))
                .param("passed", PROMISE_PASSED)
                .param("later", CARRIER_ESTIMATE_LATER)
                .param("silent", SILENT)
                .param("silentSince", Timestamp.from(silentSince))
                .param("batch", BATCH)
                .query((rs, row) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("reason")))
                .list();
        int announced = 0;
        for (Candidate candidate : candidates) {
            if (announce(candidate.id(), now, candidate.reason())) {
                announced++;
            }
        }
        return new int[] {candidates.size(), announced};
    }
}
