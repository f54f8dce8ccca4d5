package org.aftercart.returns;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash or a deadline left open: refunds left pending (tried again with the same
 * idempotency key, so the provider never pays twice), instant exchanges whose items did not come
 * back in time (their hold is taken), and exchange stock reserved longer than the hold.
 */
@Component
class ReturnSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReturnSweeper.class);
    private static final int BATCH = 100;

    private final Returns returns;
    private final ReturnRequests requests;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnSweeper(Returns returns, ReturnRequests requests, ReturnSettings settings, Clock clock) {
        this.returns = returns;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${aftercart.returns.sweep-every:PT1M}",
            initialDelayString = "${aftercart.returns.sweep-every:PT1M}")
    void sweep() {
        for (UUID id : requests.idsIn(
                ReturnStatus.REFUND_PENDING, clock.instant().minus(settings.refundRetryAfter()), BATCH)) {
            run("refund", id, () -> returns.executeRefund(id));
        }
        for (UUID id : requests.holdsPastDeadline(clock.instant(), BATCH)) {
            run("overdue hold", id, () -> returns.takeOverdueHold(id));
        }
        for (UUID id : requests.reservationsPastHold(clock.instant(), BATCH)) {
            run("lapsed reservation", id, () -> returns.releaseLapsedReservations(id));
        }
    }

    private static void run(String what, UUID id, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Return {}: {} not finished, tried again at the next sweep: {}", id, what, e.toString());
        }
    }
}
