package org.aftercart.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The module events not yet handled by every listener (Spring Modulith's event publication registry,
 * the transactional outbox): how many, and how long the oldest has waited. A growing count or age
 * means a listener keeps failing or the instance cannot keep up; incomplete publications are
 * resubmitted at start-up. The query reads only incomplete rows through Spring Modulith's index on
 * {@code completion_date}, and runs at most once per {@code aftercart.metrics.cache-for}.
 */
@Component
class PlatformMetrics implements MeterBinder {

    record Outbox(long incomplete, @Nullable Instant oldest) {}

    private final CachedReading<Outbox> outbox;
    private final Clock clock;

    PlatformMetrics(JdbcClient jdbc, Clock clock, @Value("${aftercart.metrics.cache-for:PT5S}") Duration cacheFor) {
        this.clock = clock;
        this.outbox = CachedReading.keepingLastOnFailure(
                cacheFor,
                () -> jdbc.sql(
                                "select count(*), min(publication_date) from event_publication where completion_date is null")
                        .query((rs, row) -> {
                            Timestamp oldest = rs.getTimestamp(2);
                            return new Outbox(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                        })
                        .single(),
                new Outbox(0, null),
                clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aftercart.events.incomplete", outbox, reading -> reading.get()
                        .incomplete())
                .description("Module event publications some listener has not completed yet")
                .register(registry);
        Gauge.builder(
                        "aftercart.events.oldest.incomplete.age",
                        outbox,
                        reading -> ageOf(reading.get().oldest()))
                .description("Seconds since the oldest incomplete event publication was published (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double ageOf(@Nullable Instant oldest) {
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
