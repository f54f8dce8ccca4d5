package org.aftercart.payments;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private final Clock clock;

    Payments(
            PaymentTransactions transactions,
            TransactionTemplate transactionTemplate,
            ApplicationEventPublisher events,
            List<PaymentProvider> providers,
            @Value("${aftercart.payments.provider:offline}") String providerName,
            Clock clock) {
        this.clock = clock;
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
            OrderId orderId, String number, Money difference, long version, boolean settledByChannel) {
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
            complete(
                    transactions.begin(
                            orderId, PaymentTransaction.Kind.CHARGE, difference, provider.name(), idempotencyKey),
                    orderNumber);
        } else {
            transactions
                    .beginRefund(orderId, difference.negate(), provider.name(), idempotencyKey)
                    .ifPresent(refund -> complete(refund, orderNumber));
        }
    }

    /**
     * Refunds an amount to the order's original payment, capped at what is still paid (captured and
     * charged, less refunds). Must be called outside any database transaction: the movement is
     * written PENDING first, the provider is called with the idempotency key, then the outcome is
     * written. Calling again with the same key never moves money twice: a finished refund reports its
     * outcome again, one left PENDING by a crash is sent again with the same key (the provider
     * deduplicates).
     *
     * @param idempotencyKey the business fact that causes the refund, e.g. {@code return:<id>:refund}
     */
    public RefundOutcome refund(OrderId orderId, String orderNumber, Money amount, String idempotencyKey) {
        requireNoTransaction();
        Optional<PaymentTransaction> begun =
                transactions.beginRefund(orderId.id(), amount, provider.name(), idempotencyKey);
        if (begun.isEmpty()) {
            return new RefundOutcome(
                    RefundOutcome.Status.NOTHING_TO_REFUND, Money.zero(amount.currency()), null, "nothing is paid");
        }
        PaymentTransaction done =
                begun.get().kind() == PaymentTransaction.Kind.REFUND ? complete(begun.get(), orderNumber) : begun.get();
        return switch (done.status()) {
            case SUCCEEDED -> new RefundOutcome(RefundOutcome.Status.REFUNDED, done.amount(), done.id(), null);
            case PENDING -> new RefundOutcome(RefundOutcome.Status.PENDING, done.amount(), done.id(), null);
            default ->
                new RefundOutcome(
                        RefundOutcome.Status.MANUAL_ACTION_REQUIRED, done.amount(), done.id(), done.failureReason());
        };
    }

    /**
     * Holds an amount on the order's payment without taking it (e.g. the value of an item an instant
     * exchange ships before the return arrives). Outside any transaction, keyed like {@link #refund}.
     */
    public HoldOutcome hold(OrderId orderId, String orderNumber, Money amount, String idempotencyKey) {
        requireNoTransaction();
        PaymentTransaction done = complete(
                transactions.begin(orderId.id(), PaymentTransaction.Kind.HOLD, amount, provider.name(), idempotencyKey),
                orderNumber);
        return HoldOutcome.of(done);
    }

    /** Gives back the hold written under {@code holdKey}; a failed release stays pending for a retry. */
    public HoldOutcome releaseHold(OrderId orderId, String orderNumber, String holdKey) {
        return endHold(orderId, orderNumber, holdKey, PaymentTransaction.Kind.HOLD_RELEASE);
    }

    /** Takes the hold written under {@code holdKey}; a failed capture stays pending for a retry. */
    public HoldOutcome captureHold(OrderId orderId, String orderNumber, String holdKey) {
        return endHold(orderId, orderNumber, holdKey, PaymentTransaction.Kind.HOLD_CAPTURE);
    }

    private HoldOutcome endHold(OrderId orderId, String orderNumber, String holdKey, PaymentTransaction.Kind kind) {
        requireNoTransaction();
        PaymentTransaction hold = transactions
                .findByKey(holdKey)
                .filter(held -> held.kind() == PaymentTransaction.Kind.HOLD
                        && held.status() == PaymentTransaction.Status.SUCCEEDED)
                .orElseThrow(() -> new IllegalStateException("No hold is in place under " + holdKey));
        String key = holdKey + (kind == PaymentTransaction.Kind.HOLD_RELEASE ? ":release" : ":capture");
        PaymentTransaction begun = transactions.begin(orderId.id(), kind, hold.amount(), provider.name(), key);
        return HoldOutcome.of(complete(begun, orderNumber, hold.providerReference()));
    }

    private PaymentTransaction complete(PaymentTransaction transaction, String orderNumber) {
        return complete(transaction, orderNumber, null);
    }

    /**
     * Calls the provider for a PENDING movement (outside any transaction) and writes the outcome; a
     * movement already finished by an earlier call is returned as it is.
     */
    private PaymentTransaction complete(
            PaymentTransaction transaction, String orderNumber, @Nullable String holdReference) {
        if (transaction.status() != PaymentTransaction.Status.PENDING) {
            return transaction; // already settled by an earlier delivery of the same fact
        }
        PaymentTransaction.Kind kind = transaction.kind();
        String key = transaction.idempotencyKey();
        PaymentProvider.Result result;
        try {
            result = switch (kind) {
                case REFUND -> provider.refund(orderNumber, transaction.amount(), key);
                case HOLD -> provider.hold(orderNumber, transaction.amount(), key);
                case HOLD_RELEASE -> provider.releaseHold(String.valueOf(holdReference), key);
                case HOLD_CAPTURE -> provider.captureHold(String.valueOf(holdReference), transaction.amount(), key);
                case CAPTURE, CHARGE -> provider.charge(orderNumber, transaction.amount(), key);
            };
        } catch (RuntimeException e) {
            log.warn("Payment provider {} failed for {}: {}", provider.name(), key, e.toString());
            result = PaymentProvider.Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        PaymentProvider.Result outcome = result;
        boolean refunded = kind == PaymentTransaction.Kind.REFUND && outcome.succeeded();
        boolean endsHold = kind == PaymentTransaction.Kind.HOLD_RELEASE || kind == PaymentTransaction.Kind.HOLD_CAPTURE;
        transactionTemplate.executeWithoutResult(status -> {
            if (transactions.finish(transaction.id(), outcome, kind == PaymentTransaction.Kind.REFUND, endsHold)
                    && refunded) {
                events.publishEvent(new RefundIssued(
                        transaction.orderId(),
                        orderNumber,
                        transaction.id(),
                        transaction.amount(),
                        key,
                        clock.instant()));
            }
        });
        return transactions.findByKey(key).orElseThrow();
    }

    private static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Payment providers are called outside database transactions");
        }
    }
}
