package org.aftercart.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aftercart.platform.CachedReading;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the messages and merchant webhooks: the backlog per channel (due now
 * and not yet sent; waiting for a later time), how late the oldest due one is, the age of the oldest
 * undelivered webhook delivery (the webhook lag), the messages waiting for an agent, and each
 * delivery attempt's outcome. The backlog is one query over the messages not yet sent, through the
 * partial index {@code messages_due_idx} (the failed ones through {@code messages_problem_idx}),
 * run at most once per {@code aftercart.metrics.cache-for} however often it is scraped.
 */
@Component
class NotificationMetrics implements MeterBinder {

    /** The channels a backlog is labelled with; {@code unrouted} until routing chose e-mail or SMS. */
    static final List<String> CHANNELS = List.of("email", "sms", "webhook", "unrouted");

    record Backlog(long due, long scheduled, @Nullable Instant oldestDue, @Nullable Instant oldestCreated) {
        static final Backlog NONE = new Backlog(0, 0, null, null);
    }

    record Reading(Map<String, Backlog> backlog, long waitingForAgent) {}

    private final CachedReading<Reading> reading;
    private final Clock clock;
    private final Map<String, Counter> attempts = new HashMap<>();
    private @Nullable MeterRegistry registry;

    NotificationMetrics(JdbcClient jdbc, Clock clock, @Value("${aftercart.metrics.cache-for:PT5S}") Duration cacheFor) {
        this.clock = clock;
        this.reading = CachedReading.keepingLastOnFailure(cacheFor, () -> read(jdbc), new Reading(Map.of(), 0), clock);
    }

    private static Reading read(JdbcClient jdbc) {
        Map<String, Backlog> backlog = new HashMap<>();
        jdbc.sql(
                        """
                        select case when purpose = 'WEBHOOK' then 'webhook'
                                    else coalesce(lower(channel), 'unrouted') end as channel,
                               count(*) filter (where due_at <= now()) as due,
                               count(*) filter (where due_at > now()) as scheduled,
                               min(due_at) filter (where due_at <= now()) as oldest_due,
                               min(created_at) as oldest_created
                        from notifications.messages
                        where status in ('PENDING', 'SENDING')
                        group by 1
                        """)
                .query((rs, row) -> backlog.put(
                        rs.getString("channel"),
                        new Backlog(
                                rs.getLong("due"),
                                rs.getLong("scheduled"),
                                instant(rs.getTimestamp("oldest_due")),
                                instant(rs.getTimestamp("oldest_created")))))
                .list();
        long waiting = jdbc.sql(
                        "select count(*) from notifications.messages where status in ('FAILED', 'UNDELIVERABLE')")
                .query(Long.class)
                .single();
        return new Reading(backlog, waiting);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : CHANNELS) {
            Gauge.builder("aftercart.messages.due", reading, r -> backlog(r, channel)
                            .due())
                    .description("Messages due now and not yet sent (retries whose wait is over included)")
                    .tag("channel", channel)
                    .register(registry);
            Gauge.builder("aftercart.messages.scheduled", reading, r -> backlog(r, channel)
                            .scheduled())
                    .description("Messages waiting for a later time: quiet hours, a digest window, a retry's wait")
                    .tag("channel", channel)
                    .register(registry);
            Gauge.builder(
                            "aftercart.messages.oldest.due.age",
                            reading,
                            r -> age(backlog(r, channel).oldestDue()))
                    .description("Seconds the oldest due message has been waiting to go out (0 when none)")
                    .baseUnit("seconds")
                    .tag("channel", channel)
                    .register(registry);
        }
        Gauge.builder(
                        "aftercart.webhooks.delivery.lag",
                        reading,
                        r -> age(backlog(r, "webhook").oldestCreated()))
                .description("Seconds since the oldest undelivered merchant webhook delivery was written (0 when none)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("aftercart.messages.waiting.for.agent", reading, r -> r.get()
                        .waitingForAgent())
                .description("Messages and webhook deliveries failed or undeliverable (the console's failed messages)")
                .register(registry);
    }

    /**
     * One delivery attempt's (or closure's) outcome: {@code sent}, {@code retry} (it will be tried
     * again), {@code failed} (gave up after the last attempt), {@code undeliverable} (refused, or no
     * way to deliver it), {@code suppressed} (the contact budget).
     */
    void attempted(@Nullable String channel, String outcome) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        String label = channel == null ? "unrouted" : channel.toLowerCase(Locale.ROOT);
        Counter counter;
        synchronized (attempts) {
            counter = attempts.computeIfAbsent(
                    label + "/" + outcome, key -> Counter.builder("aftercart.messages.attempts")
                            .description("Delivery attempts of messages and webhooks, by channel and outcome")
                            .tag("channel", label)
                            .tag("outcome", outcome)
                            .register(meters));
        }
        counter.increment();
    }

    private static Backlog backlog(CachedReading<Reading> reading, String channel) {
        return reading.get().backlog().getOrDefault(channel, Backlog.NONE);
    }

    private double age(@Nullable Instant since) {
        return since == null
                ? 0
                : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
