package org.aftercart.tracking.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.aftercart.tracking.TrackingIntake;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the carriers that do not push, in rounds. A round
 *
 * <ol>
 *   <li>starts following the tracking numbers of parcels on their way with a polled carrier,
 *   <li>stops following those whose parcels all reached a final status (delivered, cancelled,
 *       returning) however they learnt it, and those whose polls brought nothing new for {@code
 *       retire-after} (retired, recorded in {@code tracking.poll_schedule}),
 *   <li>polls each carrier's due parcels, the carriers side by side, in calls of as many numbers as
 *       the carrier takes, while the carrier's rate limit allows; what comes back goes through
 *       {@link TrackingIntake} as source {@code poll:<carrier>}.
 * </ol>
 *
 * <p>After a poll with news a parcel waits {@code first-interval}; after each quiet poll in a row
 * twice as long as before, up to {@code max-interval}. A failed poll makes the parcels wait {@code
 * error-interval}, doubled per failure in a row, with jitter (never less than the carrier's {@code
 * Retry-After}), and ends the carrier's round; other carriers go on. Instances claim due rows with
 * {@code for update skip locked} and hold them for {@code claim-lease}, so several instances never
 * poll one parcel at the same time; one instance at a time enrols and retires (an advisory lock),
 * the others skip that step.
 */
@Component
public class CarrierPolling {

    private static final Logger log = LoggerFactory.getLogger(CarrierPolling.class);

    /** What one round did, for logs and tests. */
    public record Round(int enrolled, int finished, int retired, int calls, int failedCalls) {}

    private record Housekeeping(int enrolled, int finished, List<String> silent) {}

    private final PolledCarriers carriers;
    private final PollSchedule schedule;
    private final TrackingIntake intake;
    private final PollingSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CarrierPolling(
            PolledCarriers carriers,
            PollSchedule schedule,
            TrackingIntake intake,
            PollingSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.carriers = carriers;
        this.schedule = schedule;
        this.intake = intake;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            initialDelayString = "${aftercart.tracking.polling.every:PT1M}",
            fixedDelayString = "${aftercart.tracking.polling.every:PT1M}")
    void pollOnSchedule() {
        if (!settings.enabled() || carriers.all().isEmpty()) {
            return;
        }
        try {
            Round round = pollDue(clock.instant());
            if (round.calls() > 0 || round.retired() > 0) {
                log.debug("Polling round: {}", round);
            }
        } catch (RuntimeException e) {
            log.warn("Polling round failed, next round in {}: {}", settings.every(), e.toString());
        }
    }

    /** One round at {@code now}: see the class description. */
    public Round pollDue(Instant now) {
        if (carriers.all().isEmpty()) {
            return new Round(0, 0, 0, 0, 0);
        }
        Housekeeping house = transactions.execute(status -> {
            if (!schedule.lockHousekeeping()) {
                return new Housekeeping(0, 0, List.of()); // another instance is at it
            }
            return new Housekeeping(
                    schedule.enrol(carriers.keys(), now),
                    schedule.retireFinished(now, null),
                    schedule.retireSilent(now, now.minus(settings.retireAfter())));
        });
        int enrolled = house == null ? 0 : house.enrolled();
        int finished = house == null ? 0 : house.finished();
        List<String> silent = house == null ? List.of() : house.silent();
        if (!silent.isEmpty()) {
            log.info(
                    "Stopped polling {} parcel(s) silent for {}: {}",
                    silent.size(),
                    settings.retireAfter(),
                    silent.size() > 20 ? silent.subList(0, 20) + "…" : silent);
        }
        List<Future<int[]>> rounds;
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("carrier-poll-", 0).daemon().factory())) {
            rounds = carriers.all().stream()
                    .map(carrier -> threads.submit(() -> pollCarrier(carrier, now)))
                    .toList();
        } // waits until every carrier's round is over
        int calls = 0, failed = 0;
        for (var round : rounds) {
            int[] done = round.resultNow();
            calls += done[0];
            failed += done[1];
        }
        return new Round(enrolled, finished, silent.size(), calls, failed);
    }

    /** Polls one carrier's due parcels while its limit allows; calls made and failed. */
    private int[] pollCarrier(PolledCarriers.Carrier carrier, Instant now) {
        int calls = 0;
        try {
            while (carrier.tryCall()) {
                List<PollSchedule.Claimed> batch = schedule.claim(
                        carrier.key(), now, carrier.client().maxPerCall(), now.plus(settings.claimLease()));
                if (batch.isEmpty()) {
                    carrier.giveBack();
                    break;
                }
                calls++;
                if (!poll(carrier, batch, now)) {
                    return new int[] {calls, 1}; // the carrier is unwell: its other parcels wait
                }
            }
            return new int[] {calls, 0};
        } catch (RuntimeException e) {
            // The schedule itself failed; claimed rows come back when their lease ends.
            log.warn("Polling {} failed: {}", carrier.key(), e.toString());
            return new int[] {calls, 1};
        }
    }

    /** One call; false when it failed. */
    private boolean poll(PolledCarriers.Carrier carrier, List<PollSchedule.Claimed> batch, Instant now) {
        List<String> numbers =
                batch.stream().map(PollSchedule.Claimed::trackingNumber).toList();
        try {
            Map<String, Long> before = schedule.newestEvents(numbers);
            CarrierTrackingClient.Response response = carrier.client().poll(numbers);
            intake.accept("poll:" + carrier.key(), response.rawBody(), response.reports());
            Map<String, Long> after = schedule.newestEvents(numbers);
            for (PollSchedule.Claimed row : batch) {
                String number = row.trackingNumber();
                if (after.containsKey(number) && !after.get(number).equals(before.get(number))) {
                    schedule.news(number, now, now.plus(settings.firstInterval()));
                } else {
                    int quiet = row.quietPolls() + 1;
                    schedule.quiet(number, now, quiet, now.plus(quietWait(quiet)));
                }
            }
            schedule.retireFinished(now, numbers);
            return true;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            String recorded = error.length() > 1000 ? error.substring(0, 1000) + "…" : error;
            Duration retryAfter = e instanceof CarrierUnavailable unavailable ? unavailable.retryAfter() : null;
            for (PollSchedule.Claimed row : batch) {
                int failures = row.failures() + 1;
                schedule.failed(
                        row.trackingNumber(), now, failures, now.plus(errorWait(failures, retryAfter)), recorded);
            }
            log.warn("Polling {} for {} parcel(s) failed, backing off: {}", carrier.key(), batch.size(), recorded);
            return false;
        }
    }

    /** The wait after {@code quietPolls} quiet polls in a row: first-interval doubled each time, capped. */
    Duration quietWait(int quietPolls) {
        return doubled(settings.firstInterval(), quietPolls);
    }

    /**
     * The wait after {@code failures} failed polls in a row: error-interval doubled per failure after
     * the first, capped, then a random point in its second half, so that parcels (and instances)
     * failing together do not retry together; never shorter than what the carrier asked.
     */
    Duration errorWait(int failures, @Nullable Duration retryAfter) {
        Duration ceiling = doubled(settings.errorInterval(), failures - 1);
        long half = ceiling.toMillis() / 2;
        Duration wait = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private Duration doubled(Duration first, int times) {
        Duration wait = first;
        for (int i = 0; i < times && wait.compareTo(settings.maxInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : wait;
    }
}
