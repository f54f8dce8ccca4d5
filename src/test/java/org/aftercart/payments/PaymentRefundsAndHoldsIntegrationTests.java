package org.aftercart.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** Refunds asked by other modules (returns) and payment holds, with the offline provider. */
@SpringBootTest
class PaymentRefundsAndHoldsIntegrationTests {

    @Autowired
    Payments payments;

    @Autowired
    PaymentTransactions transactions;

    @Autowired
    TransactionTemplate transactionTemplate;

    @Test
    void refundsNeverExceedWhatIsStillPaidAndAKeyRefundsOnce() {
        OrderId order = paidOrder("50.00");

        RefundOutcome first = payments.refund(order, "AC-T1", eur("30.00"), "test:" + order + ":a");
        RefundOutcome capped = payments.refund(order, "AC-T1", eur("30.00"), "test:" + order + ":b");
        RefundOutcome nothing = payments.refund(order, "AC-T1", eur("10.00"), "test:" + order + ":c");
        RefundOutcome repeated = payments.refund(order, "AC-T1", eur("30.00"), "test:" + order + ":a");

        assertThat(first.status()).isEqualTo(RefundOutcome.Status.REFUNDED);
        assertThat(first.amount()).isEqualTo(eur("30.00"));
        assertThat(capped.status()).isEqualTo(RefundOutcome.Status.REFUNDED);
        assertThat(capped.amount()).isEqualTo(eur("20.00"));
        assertThat(nothing.status()).isEqualTo(RefundOutcome.Status.NOTHING_TO_REFUND);
        assertThat(repeated.transactionId()).isEqualTo(first.transactionId());
        assertThat(payments.netPaid(order.id())).contains(eur("0.00"));
        assertThat(payments.transactionsOf(order.id()))
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .hasSize(2);
    }

    @Test
    void refundsAskedAtOnceStillNeverExceedWhatWasPaid() throws Exception {
        OrderId order = paidOrder("50.00");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RefundOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String key = "test:" + order + ":" + i;
                outcomes.add(callers.submit(() -> {
                    start.await();
                    return payments.refund(order, "AC-T2", eur("10.00"), key);
                }));
            }
            start.countDown();
            Money refunded = eur("0.00");
            for (Future<RefundOutcome> outcome : outcomes) {
                if (outcome.get().refunded()) {
                    refunded = refunded.plus(outcome.get().amount());
                }
            }
            assertThat(refunded).isEqualTo(eur("50.00"));
        }
        assertThat(payments.netPaid(order.id())).contains(eur("0.00"));
    }

    @Test
    void aHoldIsReleasedOrTakenOnce() {
        OrderId released = paidOrder("40.00");
        String releasedKey = "test:" + released + ":hold";
        assertThat(payments.hold(released, "AC-T3", eur("40.00"), releasedKey).succeeded())
                .isTrue();
        assertThat(payments.releaseHold(released, "AC-T3", releasedKey).succeeded())
                .isTrue();
        assertThat(payments.releaseHold(released, "AC-T3", releasedKey).succeeded())
                .isTrue();
        assertThat(payments.netPaid(released.id())).contains(eur("40.00"));
        assertThat(payments.transactionsOf(released.id()))
                .extracting(PaymentTransaction::kind)
                .containsExactlyInAnyOrder(
                        PaymentTransaction.Kind.CAPTURE,
                        PaymentTransaction.Kind.HOLD,
                        PaymentTransaction.Kind.HOLD_RELEASE);

        OrderId taken = paidOrder("40.00");
        String takenKey = "test:" + taken + ":hold";
        payments.hold(taken, "AC-T4", eur("25.00"), takenKey);
        assertThat(payments.captureHold(taken, "AC-T4", takenKey).amount()).isEqualTo(eur("25.00"));
        assertThat(payments.netPaid(taken.id())).contains(eur("65.00"));
    }

    @Test
    void aProviderIsNeverCalledInsideADatabaseTransaction() {
        OrderId order = paidOrder("10.00");
        assertThatThrownBy(() -> transactionTemplate.executeWithoutResult(
                        status -> payments.refund(order, "AC-T5", eur("10.00"), "test:" + order + ":tx")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside database transactions");
        assertThat(payments.transactionsOf(order.id())).hasSize(1);
    }

    private OrderId paidOrder(String amount) {
        OrderId order = new OrderId(UUID.randomUUID());
        transactions.recordSucceeded(
                order.id(), PaymentTransaction.Kind.CAPTURE, eur(amount), "channel", "order:" + order + ":placed");
        return order;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
