package org.aftercart.notifications;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher when a transaction that wrote messages commits, instead of waiting for its
 * poll: its main lane, or its express lane for messages someone is waiting for.
 */
@Component
class DispatchSignal {

    private final Semaphore permits = new Semaphore(0);
    private final Semaphore expressPermits = new Semaphore(0);

    void wake() {
        release(permits);
    }

    void wakeExpress() {
        release(expressPermits);
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        await(permits, timeout);
    }

    void awaitExpress(Duration timeout) throws InterruptedException {
        await(expressPermits, timeout);
    }

    private static void release(Semaphore semaphore) {
        if (semaphore.availablePermits() == 0) {
            semaphore.release();
        }
    }

    private static void await(Semaphore semaphore, Duration timeout) throws InterruptedException {
        if (semaphore.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            semaphore.drainPermits();
        }
    }
}
