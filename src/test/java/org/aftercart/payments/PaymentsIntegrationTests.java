package org.aftercart.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Settlement against a provider that refuses refunds and counts its calls. */
@SpringBootTest(properties = "aftercart.payments.provider=picky")
class PaymentsIntegrationTests {

    @TestConfiguration
    static class PickyProviderConfiguration {
        @Bean
        PickyProvider pickyProvider() {
            return new PickyProvider();
        }
    }

    /** Charges work; refunds are refused, as when a card was closed. */
    static class PickyProvider implements PaymentProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "picky";
        }

        @Override
        public Result charge(String orderReference, Money amount, String idempotencyKey) {
            calls.incrementAndGet();
            return Result.success("ch_" + idempotencyKey);
        }

        @Override
        public Result refund(String orderReference, Money amount, String idempotencyKey) {
            calls.incrementAndGet();
            return Result.failure("card closed");
        }
    }

    @Autowired
    Payments payments;

    @Autowired
    PaymentTransactions transactions;

    @Autowired
    PickyProvider provider;

    @Test
    void aRedeliveredSettlementMovesMoneyOnce() {
        UUID order = UUID.randomUUID();
        transactions.recordSucceeded(
                order, PaymentTransaction.Kind.CAPTURE, Money.of("50.00", "EUR"), "channel", "cap-" + order);
        int before = provider.calls.get();

        payments.settle(order, "AC-1", Money.of("7.50", "EUR"), "order:" + order + ":v2");
        payments.settle(order, "AC-1", Money.of("7.50", "EUR"), "order:" + order + ":v2");

        assertThat(provider.calls.get() - before).isEqualTo(1);
        assertThat(payments.netPaid(order)).contains(Money.of("57.50", "EUR"));
    }

    @Test
    void aRefusedRefundIsLeftForAPersonNotLost() {
        UUID order = UUID.randomUUID();
        transactions.recordSucceeded(
                order, PaymentTransaction.Kind.CAPTURE, Money.of("20.00", "EUR"), "channel", "cap-" + order);

        payments.settle(order, "AC-2", Money.of("-5.00", "EUR"), "order:" + order + ":v2");

        List<PaymentTransaction> all = payments.transactionsOf(order);
        assertThat(all)
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .singleElement()
                .satisfies(refund -> {
                    assertThat(refund.status()).isEqualTo(PaymentTransaction.Status.MANUAL_ACTION_REQUIRED);
                    assertThat(refund.failureReason()).isEqualTo("card closed");
                    assertThat(refund.amount()).isEqualTo(Money.of("5.00", "EUR"));
                });
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        UUID order = UUID.randomUUID();
        transactions.recordSucceeded(
                order, PaymentTransaction.Kind.CAPTURE, Money.of("30.00", "EUR"), "channel", "cap-" + order);

        payments.settle(order, "AC-3", Money.of("-20.00", "EUR"), "order:" + order + ":v2");
        payments.settle(order, "AC-3", Money.of("-20.00", "EUR"), "order:" + order + ":v3");
        payments.settle(order, "AC-3", Money.of("-20.00", "EUR"), "order:" + order + ":v4");

        assertThat(payments.transactionsOf(order))
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .extracting(t -> t.amount().amount().toPlainString())
                .containsExactly("20.00", "10.00");
        assertThat(payments.netPaid(order)).contains(Money.of("0.00", "EUR"));
    }

    @Test
    void aDifferenceTheChannelSettledIsRecordedWithoutCallingTheProvider() {
        UUID order = UUID.randomUUID();
        transactions.recordSucceeded(
                order, PaymentTransaction.Kind.CAPTURE, Money.of("40.00", "EUR"), "channel", "cap-" + order);
        int before = provider.calls.get();

        payments.recordChannelSettlement(order, Money.of("-15.00", "EUR"), "order:" + order + ":v2");

        assertThat(provider.calls.get()).isEqualTo(before);
        assertThat(payments.transactionsOf(order))
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .singleElement()
                .satisfies(refund -> {
                    assertThat(refund.provider()).isEqualTo("channel");
                    assertThat(refund.status()).isEqualTo(PaymentTransaction.Status.SUCCEEDED);
                });
        assertThat(payments.netPaid(order)).contains(Money.of("25.00", "EUR"));
    }

    @Test
    void nothingIsSettledForAnUnpaidOrder() {
        UUID order = UUID.randomUUID();
        payments.settle(order, "AC-4", Money.of("12.00", "EUR"), "order:" + order + ":v2");
        assertThat(payments.transactionsOf(order)).isEmpty();
    }
}
