package org.aftercart.payments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles what orders owe or are owed. Each movement is first written as a PENDING transaction
 * keyed by the fact that caused it (e.g. {@code order:<id>:v3}), then the provider is called
 * outside any database transaction with that same key, then the outcome is written. A redelivered
 * event finds the key and does nothing; a crash between call and outcome repeats the call with the
 * same key, which the provider deduplicates. A refund never exceeds what was captured, and a failed
 * refund ends as MANUAL_ACTION_REQUIRED for a person to see.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentTransactions transactions;
    private final TransactionTemplate transactionTemplate;
    private final ApplicationEventPublisher events;
    private final PaymentProvider provider;

    Payments(
            PaymentTransactions transactions,
            TransactionTemplate transactionTemplate,
            ApplicationEventPublisher events,
            List<PaymentProvider> providers,
            @Value("${aftercart.payments.provider:offline}") String providerName) {
        this.transactions = transactions;
        this.transactionTemplate = transactionTemplate;
        this.events = events;
        this.provider = providers.stream()
                .filter(p -> p.name().equals(providerName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment provider named '" + providerName + "'"));
    }

    public List<PaymentTransaction> transactionsOf(UUID orderId) {
        return transactions.ofOrder(orderId);
    }

    /** Captured and charged, less refunded (refunds in flight count as gone). */
    public Optional<Money> netPaid(UUID orderId) {
        return transactions.netPaid(orderId);
    }

    /**
     * The channel took the money already: the capture is only recorded, with no provider call, so
     * it is written in the order's own transaction rather than after commit.
     */
    @EventListener
    void on(OrderPlaced event) {
        if (event.paymentStatus() == PaymentStatus.PAID && event.total().isPositive()) {
            transactions.recordSucceeded(
                    event.orderId().id(),
                    PaymentTransaction.Kind.CAPTURE,
                    event.total(),
                    "channel",
                    "order:" + event.orderId() + ":placed");
        }
    }

    @Async
    @TransactionalEventListener
    void on(OrderChanged event) {
        settleOrRecord(
                event.orderId(), event.number(), event.priceDifference(), event.version(), event.settledByChannel());
    }

    @Async
    @TransactionalEventListener
    void on(OrderCancelled event) {
        settleOrRecord(
                event.orderId(), event.number(), event.priceDifference(), event.version(), event.settledByChannel());
    }

    private void settleOrRecord(
            org.aftercart.orders.OrderId orderId,
            String number,
            Money difference,
            long version,
            boolean settledByChannel) {
        String key = "order:" + orderId + ":v" + version;
        if (settledByChannel) {
            recordChannelSettlement(orderId.id(), difference, key);
        } else {
            settle(orderId.id(), number, difference, key);
        }
    }

    /** The channel moved the money itself: keep the books right without calling a provider. */
    void recordChannelSettlement(UUID orderId, Money difference, String idempotencyKey) {
        Optional<Money> paid = transactions.netPaid(orderId);
        if (difference.isZero() || paid.isEmpty()) {
            return;
        }
        Money amount = difference.isPositive() ? difference : min(difference.negate(), paid.get());
        if (amount.isPositive()) {
            transactions.recordSucceeded(
                    orderId,
                    difference.isPositive() ? PaymentTransaction.Kind.CHARGE : PaymentTransaction.Kind.REFUND,
                    amount,
                    "channel",
                    idempotencyKey);
        }
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Charges a positive difference, refunds a negative one (up to what was paid). */
    void settle(UUID orderId, String orderNumber, Money difference, String idempotencyKey) {
        Optional<Money> paid = transactions.netPaid(orderId);
        if (difference.isZero() || paid.isEmpty()) {
            // Nothing was paid yet: the amount due simply changes with the order.
            return;
        }
        if (difference.isPositive()) {
            execute(orderId, orderNumber, PaymentTransaction.Kind.CHARGE, difference, idempotencyKey);
        } else {
            Money refund = min(difference.negate(), paid.get());
            if (refund.isPositive()) {
                execute(orderId, orderNumber, PaymentTransaction.Kind.REFUND, refund, idempotencyKey);
            }
        }
    }

    private void execute(UUID orderId, String orderNumber, PaymentTransaction.Kind kind, Money amount, String key) {
        PaymentTransaction transaction = transactions.begin(orderId, kind, amount, provider.name(), key);
        if (transaction.status() != PaymentTransaction.Status.PENDING) {
            return; // already settled by an earlier delivery of the same event
        }
        PaymentProvider.Result result;
        try {
            result = kind == PaymentTransaction.Kind.REFUND
                    ? provider.refund(orderNumber, transaction.amount(), key)
                    : provider.charge(orderNumber, transaction.amount(), key);
        } catch (RuntimeException e) {
            log.warn("Payment provider {} failed for {}: {}", provider.name(), key, e.toString());
            result = PaymentProvider.Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        PaymentProvider.Result outcome = result;
        boolean refunded = kind == PaymentTransaction.Kind.REFUND && outcome.succeeded();
        transactionTemplate.executeWithoutResult(status -> {
            if (transactions.finish(transaction.id(), outcome, kind == PaymentTransaction.Kind.REFUND) && refunded) {
                events.publishEvent(new RefundIssued(orderId, orderNumber, transaction.id(), transaction.amount()));
            }
        });
    }
}
