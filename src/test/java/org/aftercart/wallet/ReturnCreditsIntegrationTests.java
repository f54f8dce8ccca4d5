package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resolved return's store credit is booked once, after the return's transaction commits: to the
 * customer's store credit, or as a gift card for a gift return's recipient and for a guest.
 */
@WalletTest
class ReturnCreditsIntegrationTests {

    static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    Wallet wallet;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    LedgerChecks ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerChecks(jdbc, customers);
    }

    @Test
    void aCustomersCreditAndBonusAreBookedOnceHoweverOftenTheReturnIsTold() {
        CustomerId customer = ledger.newCustomer();
        ReturnResolved resolved = resolved(customer.id(), "buyer@example.org", null, "30.00", "3.00");

        publishCommitted(resolved);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> wallet.availableStoreCredit(customer, EUR).equals(eur("33.00")));
        publishCommitted(resolved);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("33.00"));
        assertThat(wallet.history(customer))
                .extracting(WalletEntryView::reason)
                .containsOnly("Return " + resolved.returnNumber());
        ledger.everyTransactionBalances();
    }

    @Test
    void aGiftReturnsCreditBecomesAGiftCardForItsRecipient() {
        CustomerId buyer = ledger.newCustomer();
        String friend = "friend-" + UUID.randomUUID() + "@example.org";

        publishCommitted(resolved(buyer.id(), "buyer@example.org", friend, "25.00", "0.00"));

        await().atMost(Duration.ofSeconds(10)).until(() -> giftCardsFor(friend) == 1);
        assertThat(wallet.availableStoreCredit(buyer, EUR)).isEqualTo(eur("0.00"));
    }

    @Test
    void aGuestsCreditBecomesAGiftCardSentToTheirAddress() {
        String guest = "guest-" + UUID.randomUUID() + "@example.org";

        publishCommitted(resolved(null, guest, null, "12.50", "1.25"));

        await().atMost(Duration.ofSeconds(10)).until(() -> giftCardsFor(guest) == 1);
    }

    private void publishCommitted(ReturnResolved event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private int giftCardsFor(String email) {
        return jdbc.sql("select count(*) from wallet.gift_cards where recipient_email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private static ReturnResolved resolved(
            @Nullable UUID customer, String email, @Nullable String giftRecipient, String credit, String bonus) {
        return new ReturnResolved(
                new ReturnId(UUID.randomUUID()),
                "R-AC-" + UUID.randomUUID().toString().substring(0, 6),
                new OrderId(UUID.randomUUID()),
                "AC-1",
                customer,
                email,
                eur("0.00"),
                eur(credit),
                eur(bonus),
                giftRecipient,
                null,
                List.of(),
                Instant.now());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
