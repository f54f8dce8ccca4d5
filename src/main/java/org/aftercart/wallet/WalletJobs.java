package org.aftercart.wallet;

import java.time.Clock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives back holds nobody captured in time, and books balances past their expiry. Each batch is
 * one transaction that locks its rows with {@code FOR UPDATE SKIP LOCKED}, so several instances
 * may run the jobs at once: each takes other rows, and a row is booked once.
 */
@Component
class WalletJobs {

    private static final Logger log = LoggerFactory.getLogger(WalletJobs.class);
    static final int BATCH = 100;

    private final Wallet wallet;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WalletJobs(Wallet wallet, TransactionTemplate transactions, Clock clock) {
        this.wallet = wallet;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${aftercart.wallet.hold-release-every:PT1M}",
            initialDelayString = "${aftercart.wallet.hold-release-every:PT1M}")
    void releaseExpiredHolds() {
        int released = 0;
        int batch;
        do {
            batch = inTransaction(() -> wallet.releaseExpiredHolds(clock.instant(), BATCH));
            released += batch;
        } while (batch == BATCH);
        if (released > 0) {
            log.info("Gave back {} expired wallet hold(s)", released);
        }
    }

    @Scheduled(
            fixedDelayString = "${aftercart.wallet.expiry-check-every:PT15M}",
            initialDelayString = "${aftercart.wallet.expiry-check-every:PT15M}")
    void expireBalances() {
        int expired = 0;
        int batch;
        do {
            batch = inTransaction(() -> wallet.expireBalances(clock.instant(), BATCH));
            expired += batch;
        } while (batch == BATCH);
        if (expired > 0) {
            log.info("Booked expiry on {} wallet account(s)", expired);
        }
    }

    private int inTransaction(IntSupplier work) {
        Integer done = transactions.execute(status -> work.getAsInt());
        return done == null ? 0 : done;
    }
}
