package org.aftercart.orders;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order creation keyed by the client's Idempotency-Key: the first request with a key creates the
 * order, every later one with the same key and body gets that order back, and a different body
 * with a used key is refused. Two concurrent first requests race on the key's primary key: the
 * loser's transaction (order included) rolls back and it answers with the winner's order.
 */
@Service
public class IdempotentOrderIntake {

    /** What the intake did with a request. */
    public record Outcome(OrderView order, boolean created) {}

    private final OrderManagement orders;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    IdempotentOrderIntake(OrderManagement orders, IdempotencyKeys keys, PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Outcome place(PlaceOrder command, String key, String requestHash) {
        var replay = replayOf(key, requestHash);
        if (replay != null) {
            return replay;
        }
        try {
            return transactions.execute(status -> {
                OrderView order = orders.place(command);
                keys.remember(key, requestHash, order.id());
                return new Outcome(order, true);
            });
        } catch (DuplicateKeyException lostTheRace) {
            var winner = replayOf(key, requestHash);
            if (winner == null) {
                throw lostTheRace;
            }
            return winner;
        }
    }

    private Outcome replayOf(String key, String requestHash) {
        return keys.find(key)
                .map(use -> {
                    if (!use.requestHash().equals(requestHash)) {
                        throw new IdempotencyKeyReused(key);
                    }
                    return new Outcome(orders.find(use.orderId()).orElseThrow(), false);
                })
                .orElse(null);
    }
}
