package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aftercart.platform.BrandingSettingsIntegrationTests.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CachedReadingTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsAtMostOncePerKeepTime() {
        CachedReading<Integer> reading = CachedReading.of(Duration.ofSeconds(30), reads::incrementAndGet, clock);

        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(29));
        assertThat(reading.get()).as("within the keep time").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reading.get()).as("once it has passed").isEqualTo(2);
    }

    @Test
    void anInvalidatedReadingReadsAgainAtOnce() {
        CachedReading<Integer> reading = CachedReading.of(Duration.ofSeconds(30), reads::incrementAndGet, clock);
        reading.get();

        reading.invalidate();

        assertThat(reading.get()).isEqualTo(2);
    }

    @Test
    void insideATransactionItAlsoReadsAgainWhenTheTransactionEnds() {
        CachedReading<Integer> reading = CachedReading.of(Duration.ofSeconds(30), reads::incrementAndGet, clock);
        TransactionSynchronizationManager.initSynchronization();
        try {
            reading.invalidate();
            assertThat(reading.get()).as("read before the commit").isEqualTo(1);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(synchronization -> synchronization.afterCompletion(0));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(reading.get()).as("read after the commit").isEqualTo(2);
    }

    @Test
    void whileOneCallerReadsAgainTheOthersGetTheLastValue() throws Exception {
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        CachedReading<Integer> reading = CachedReading.of(
                Duration.ofSeconds(30),
                () -> {
                    int read = reads.incrementAndGet();
                    if (read == 2) {
                        readStarted.countDown();
                        await(databaseAnswers);
                    }
                    return read;
                },
                clock);
        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));

        try (ExecutorService slowCaller = Executors.newSingleThreadExecutor()) {
            Future<Integer> readingAgain = slowCaller.submit(reading::get);
            assertThat(readStarted.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(reading.get()).as("while the database is slow").isEqualTo(1);

            databaseAnswers.countDown();
            assertThat(readingAgain.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(reading.get()).as("once read").isEqualTo(2);
    }

    @Test
    void aFailedReadFailsTheCallerAndIsTriedAgainNextTime() {
        CachedReading<Integer> reading = CachedReading.of(
                Duration.ofSeconds(30),
                () -> {
                    if (reads.incrementAndGet() == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return reads.get();
                },
                clock);

        assertThatThrownBy(reading::get).hasMessage("database down");
        assertThat(reading.get()).isEqualTo(2);
    }

    @Test
    void aGaugeKeepsItsLastValueWhenAReadFails() {
        CachedReading<Integer> reading = CachedReading.keepingLastOnFailure(
                Duration.ofSeconds(5),
                () -> {
                    if (reads.incrementAndGet() > 1) {
                        throw new IllegalStateException("database down");
                    }
                    return 7;
                },
                -1,
                clock);
        CachedReading<Integer> neverRead = CachedReading.keepingLastOnFailure(
                Duration.ofSeconds(5),
                () -> {
                    throw new IllegalStateException("database down");
                },
                -1,
                clock);

        assertThat(reading.get()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(5));
        assertThat(reading.get()).as("last value").isEqualTo(7);
        assertThat(neverRead.get()).as("initial value").isEqualTo(-1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
