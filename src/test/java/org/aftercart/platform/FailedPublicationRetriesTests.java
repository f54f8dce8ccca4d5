package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed event publications run again while the instance is up, on real PostgreSQL and Spring
 * Modulith's registry: a listener that failed once succeeds on the next round; one that keeps failing
 * is left failed after the last attempt; work a dead instance left "processing" is marked failed by
 * the staleness monitor and taken over; a listener with retries of its own is left to them.
 */
@SpringBootTest(
        properties = {
            "aftercart.events.retry-after=PT0S",
            "aftercart.events.max-attempts=2",
            // the scheduled round is called by the tests, not by the clock
            "aftercart.events.retry-every=PT1H",
            "spring.modulith.events.staleness.published=PT30M",
            "spring.modulith.events.staleness.processing=PT30M",
            "spring.modulith.events.staleness.resubmitted=PT30M",
            "spring.modulith.events.staleness.check-interval=PT1S"
        })
class FailedPublicationRetriesTests {

    /** A module event for these tests; {@code failures} is how many times its listener fails first. */
    record Probe(String id, int failures) {}

    /** Retried by a listener's own rules. */
    record SelfRetried(String id) {}

    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    static class ProbeListener {

        @ApplicationModuleListener
        void on(Probe probe) {
            if (CALLS.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet() <= probe.failures()) {
                throw new IllegalStateException("probe " + probe.id() + " fails this time");
            }
        }

        @ApplicationModuleListener
        void on(SelfRetried event) {
            CALLS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("always fails; its own job retries it");
        }
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }

        @Bean
        OwnPublicationRetries selfRetried() {
            return (EventPublication publication) -> publication.getEvent() instanceof SelfRetried;
        }
    }

    @Autowired
    FailedPublicationRetries retries;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListenerThatFailedOnceSucceedsOnTheNextRound() {
        String id = publish(new Probe(UUID.randomUUID().toString(), 1));
        awaitStatus(id, "FAILED");

        retries.retryFailed();

        awaitStatus(id, "COMPLETED");
        assertThat(CALLS.get(id)).hasValue(2);
    }

    @Test
    void aListenerThatKeepsFailingIsLeftFailedAfterTheLastAttempt() {
        String id = publish(new Probe(UUID.randomUUID().toString(), Integer.MAX_VALUE));
        awaitStatus(id, "FAILED");
        assertThat(attempts(id)).isEqualTo(1);

        retries.retryFailed(); // the second and last attempt of max-attempts=2
        await().atMost(Duration.ofSeconds(20))
                .until(() -> CALLS.get(id).get() == 2 && status(id).equals("FAILED"));
        retries.retryFailed();
        retries.retryFailed();

        assertThat(attempts(id)).isEqualTo(2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> CALLS.get(id).get() == 2);
        assertThat(status(id)).isEqualTo("FAILED");
    }

    @Test
    void workADeadInstanceLeftProcessingIsTakenOver() {
        String id = publish(new Probe(UUID.randomUUID().toString(), 1));
        awaitStatus(id, "FAILED");
        // As an instance killed in the middle of the listener leaves it: processing, long ago.
        jdbc.sql(
                        """
                        update event_publication set status = 'PROCESSING',
                               publication_date = now() - interval '2 hours', last_resubmission_date = null
                        where serialized_event like ?""")
                .param("%" + id + "%")
                .update();

        awaitStatus(id, "FAILED"); // the staleness monitor
        retries.retryFailed();

        awaitStatus(id, "COMPLETED");
        assertThat(CALLS.get(id)).hasValue(2);
    }

    @Test
    void aListenerWithItsOwnRetriesIsLeftToThem() {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> events.publishEvent(new SelfRetried(id)));
        awaitStatus(id, "FAILED");

        retries.retryFailed();

        assertThat(attempts(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(CALLS.get(id)).hasValue(1);
    }

    private String publish(Probe probe) {
        transactions.executeWithoutResult(status -> events.publishEvent(probe));
        return probe.id();
    }

    private void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals(expected));
    }

    private String status(String id) {
        return jdbc.sql("select coalesce(status, '') from event_publication where serialized_event like ?")
                .param("%" + id + "%")
                .query(String.class)
                .optional()
                .orElse("");
    }

    private int attempts(String id) {
        return jdbc.sql("select coalesce(completion_attempts, 0) from event_publication where serialized_event like ?")
                .param("%" + id + "%")
                .query(Integer.class)
                .single();
    }
}
