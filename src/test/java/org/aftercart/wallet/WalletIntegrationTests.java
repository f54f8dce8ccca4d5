package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** The wallet's public API on the real database: ledgers, idempotency, holds, expiry, append-only. */
@WalletTest
@RecordApplicationEvents
class WalletIntegrationTests {

    static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    Wallet wallet;

    @Autowired
    WalletJobs jobs;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEvents events;

    LedgerChecks ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerChecks(jdbc, customers);
    }

    @Test
    void grantsCreditWithABonusBookedFromItsOwnAccount() {
        CustomerId customer = ledger.newCustomer();

        String key = "return:" + UUID.randomUUID();
        StoreCreditGrant grant =
                wallet.grantStoreCredit(customer, eur("20.00"), eur("2.00"), "Return AC-1 as credit", key);

        assertThat(grant.balanceAfter()).isEqualTo(eur("22.00"));
        assertThat(grant.replayed()).isFalse();
        assertThat(wallet.storeCredit(customer)).hasValueSatisfying(balance -> assertThat(balance.balances())
                .containsExactly(new WalletBalance.InCurrency(eur("22.00"), eur("0.00"))));
        assertThat(wallet.history(customer))
                .extracting(WalletEntryView::type, WalletEntryView::amount, WalletEntryView::balanceAfter)
                .containsExactly(
                        tuple("BONUS", eur("2.00"), eur("22.00")), tuple("CREDIT", eur("20.00"), eur("20.00")));
        assertThat(wallet.history(customer))
                .allSatisfy(line -> assertThat(line.reason()).isEqualTo("Return AC-1 as credit"));
        assertThat(systemAccountEntries(grant.transactionId()))
                .containsExactlyInAnyOrder("ISSUED_CREDIT:-20.0000", "BONUS_CREDIT:-2.0000");
        assertThat(events.stream(StoreCreditGranted.class))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("grantedAt")
                .containsExactly(new StoreCreditGranted(
                        customer,
                        eur("20.00"),
                        eur("2.00"),
                        "Return AC-1 as credit",
                        grant.transactionId(),
                        eur("22.00"),
                        key,
                        Instant.EPOCH));
        ledger.everyTransactionBalances();
        ledger.cachedBalancesMatchEntries();
    }

    @Test
    void theSameKeyAgainReturnsTheFirstGrantAndWritesNothing() {
        CustomerId customer = ledger.newCustomer();
        String key = "return:" + UUID.randomUUID() + ":credit";
        StoreCreditGrant first = wallet.grantStoreCredit(customer, eur("10.00"), eur("0.00"), "Refund as credit", key);
        String footprint = ledger.footprint();

        StoreCreditGrant again = wallet.grantStoreCredit(customer, eur("10.00"), eur("0.00"), "Refund as credit", key);

        assertThat(again.transactionId()).isEqualTo(first.transactionId());
        assertThat(again.balanceAfter()).isEqualTo(eur("10.00"));
        assertThat(again.replayed()).isTrue();
        assertThat(ledger.footprint()).isEqualTo(footprint);
        assertThat(events.stream(StoreCreditGranted.class)).hasSize(1);

        assertThatThrownBy(() -> wallet.grantStoreCredit(customer, eur("99.00"), eur("0.00"), "Refund as credit", key))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(ledger.footprint()).isEqualTo(footprint);
    }

    @Test
    void refusesAnUnknownCustomerAndAmountsThatAreNotPositive() {
        String footprint = ledger.footprint();
        CustomerId customer = ledger.newCustomer();

        assertThatThrownBy(() -> wallet.grantStoreCredit(
                        new CustomerId(UUID.randomUUID()), eur("5.00"), eur("0.00"), "Goodwill", key()))
                .isInstanceOf(CustomerNotFound.class);
        assertThatThrownBy(() -> wallet.grantStoreCredit(customer, eur("0.00"), eur("0.00"), "Goodwill", key()))
                .isInstanceOf(InvalidWalletAmount.class);
        assertThatThrownBy(() -> wallet.grantStoreCredit(customer, eur("5.00"), eur("-1.00"), "Goodwill", key()))
                .isInstanceOf(InvalidWalletAmount.class);
        assertThatThrownBy(() ->
                        wallet.grantStoreCredit(customer, eur("5.00"), Money.of("1.00", "GBP"), "Goodwill", key()))
                .isInstanceOf(WalletCurrencyMismatch.class);
        assertThat(ledger.footprint()).isEqualTo(footprint);
    }

    @Test
    void aGiftCardIsKnownByTheHashOfItsCodeOnly() {
        IssuedGiftCard card = wallet.issueGiftCard(eur("50.00"), null, "Sold in store", key());

        assertThat(card.code()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        assertThat(card.lastFour()).isEqualTo(card.code().substring(card.code().length() - 4));
        assertThat(card.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(729)));
        String normalised = card.code().replace("-", "");
        assertThat(jdbc.sql("select count(*) from wallet.gift_cards where code_hash like ? or last4 = ?")
                        .params("%" + normalised + "%", card.lastFour())
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select count(*) from wallet.gift_cards where last4 = ?")
                        .param(card.lastFour())
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("select code_hash from wallet.gift_cards where id = ?")
                        .param(card.id())
                        .query(String.class)
                        .single())
                .isEqualTo(GiftCardCodes.hash(card.code()))
                .doesNotContain(normalised);

        // Typed by a person: lower case, spaces instead of dashes.
        String typed = card.code().toLowerCase().replace('-', ' ');
        assertThat(wallet.giftCard(typed)).hasValueSatisfying(balance -> {
            assertThat(balance.available()).isEqualTo(eur("50.00"));
            assertThat(balance.lastFour()).isEqualTo(card.lastFour());
        });
        assertThat(wallet.giftCard("0000-0000-0000-0000-0000")).isEmpty();

        // The event carries no code when there is nobody to send it to.
        assertThat(events.stream(GiftCardIssued.class)).singleElement().satisfies(issued -> {
            assertThat(issued.code()).isNull();
            assertThat(issued.lastFour()).isEqualTo(card.lastFour());
        });
    }

    @Test
    void theCodeGoesInTheEventOnlyForARecipientAndAReplayDoesNotShowItAgain() {
        String key = key();
        IssuedGiftCard card = wallet.issueGiftCard(eur("25.00"), "friend@example.org", "Gift", key);

        GiftCardIssued issued = events.stream(GiftCardIssued.class).findFirst().orElseThrow();
        assertThat(issued.code()).isEqualTo(card.code());
        assertThat(issued.recipientEmail()).isEqualTo("friend@example.org");
        assertThat(issued.toString()).doesNotContain(card.code());

        IssuedGiftCard replay = wallet.issueGiftCard(eur("25.00"), "friend@example.org", "Gift", key);
        assertThat(replay.id()).isEqualTo(card.id());
        assertThat(replay.code()).isNull();
        assertThat(replay.replayed()).isTrue();
        assertThat(events.stream(GiftCardIssued.class)).hasSize(1);
    }

    @Test
    void aCaptureTakesPartOfTheHoldAndGivesTheRestBack() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, eur("30.00"), eur("0.00"), "Goodwill", key());

        WalletHold hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("20.00"), key());
        assertThat(hold.status()).isEqualTo(WalletHold.Status.AUTHORISED);
        assertThat(hold.customer()).isEqualTo(customer);
        assertThat(wallet.storeCredit(customer).orElseThrow().balances())
                .containsExactly(new WalletBalance.InCurrency(eur("10.00"), eur("20.00")));
        assertThatThrownBy(() -> wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("10.01"), key()))
                .isInstanceOf(InsufficientWalletBalance.class)
                .hasMessageContaining("only 10.00 EUR is available");

        WalletHold captured = wallet.capture(hold.id(), eur("15.00"), key());

        assertThat(captured.status()).isEqualTo(WalletHold.Status.CAPTURED);
        assertThat(captured.captured()).isEqualTo(eur("15.00"));
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("15.00"));
        assertThat(wallet.history(customer))
                .extracting(WalletEntryView::type)
                .containsExactly("REDEMPTION", "RELEASE", "HOLD", "CREDIT");
        assertThat(events.stream(WalletRedeemed.class)).singleElement().satisfies(redeemed -> {
            assertThat(redeemed.holdId()).isEqualTo(hold.id());
            assertThat(redeemed.customer()).isEqualTo(customer);
            assertThat(redeemed.giftCardId()).isNull();
            assertThat(redeemed.amount()).isEqualTo(eur("15.00"));
        });
        assertThatThrownBy(() -> wallet.voidHold(hold.id(), key()))
                .isInstanceOf(HoldNotOpen.class)
                .hasMessageContaining("already captured");
        ledger.everyTransactionBalances();
        ledger.cachedBalancesMatchEntries();
    }

    @Test
    void aVoidGivesTheWholeHoldBackAndAGiftCardRedeemsLikeStoreCredit() {
        IssuedGiftCard card = wallet.issueGiftCard(eur("40.00"), null, "Sold online", key());
        WalletHold hold = wallet.authorise(new RedemptionSource.GiftCard(card.code()), eur("40.00"), key());
        assertThat(hold.giftCardLastFour()).isEqualTo(card.lastFour());
        assertThat(wallet.giftCard(card.code()).orElseThrow().available()).isEqualTo(eur("0.00"));

        String voidKey = key();
        WalletHold voided = wallet.voidHold(hold.id(), voidKey);
        assertThat(voided.status()).isEqualTo(WalletHold.Status.VOIDED);
        assertThat(wallet.voidHold(hold.id(), voidKey).replayed()).isTrue();
        assertThat(wallet.giftCard(card.code()).orElseThrow().available()).isEqualTo(eur("40.00"));
        assertThatThrownBy(() -> wallet.capture(hold.id(), eur("1.00"), key()))
                .isInstanceOf(HoldNotOpen.class)
                .hasMessageContaining("already voided");

        WalletHold paid = wallet.authorise(new RedemptionSource.GiftCard(card.code()), eur("15.00"), key());
        wallet.capture(paid.id(), eur("15.00"), key());
        assertThat(wallet.giftCard(card.code()).orElseThrow().available()).isEqualTo(eur("25.00"));
        assertThat(events.stream(WalletRedeemed.class)).singleElement().satisfies(redeemed -> {
            assertThat(redeemed.giftCardId()).isEqualTo(card.id());
            assertThat(redeemed.customer()).isNull();
            assertThat(redeemed.amount()).isEqualTo(eur("15.00"));
        });
    }

    @Test
    void expiredHoldsAreGivenBackByTheJobAndCanNoLongerBeCaptured() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, eur("12.00"), eur("0.00"), "Goodwill", key());
        WalletHold hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("12.00"), key());
        assertThat(hold.expiresAt())
                .isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));

        jdbc.sql("update wallet.holds set expires_at = now() - interval '1 second' where id = ?")
                .param(hold.id())
                .update();

        jobs.releaseExpiredHolds();

        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("12.00"));
        assertThat(wallet.history(customer).getFirst().reason()).isEqualTo("Checkout hold expired");
        String footprint = ledger.footprint();
        assertThatThrownBy(() -> wallet.capture(hold.id(), eur("12.00"), key()))
                .isInstanceOf(HoldNotOpen.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> wallet.voidHold(hold.id(), key()))
                .isInstanceOf(HoldNotOpen.class)
                .hasMessageContaining("expired");
        assertThat(ledger.footprint()).isEqualTo(footprint);
        // The job gave this hold back once: a second run finds nothing to give back.
        releaseExpiredHolds(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("12.00"));
        ledger.cachedBalancesMatchEntries();
    }

    @Test
    void creditPastItsExpiryIsBookedAsExpiredSoonestExpiringFirst() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, eur("10.00"), eur("0.00"), "First", key());
        UUID account = ledger.storeCreditAccount(customer, "EUR");
        WalletHold hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), eur("4.00"), key());
        wallet.capture(hold.id(), eur("4.00"), key());
        // A later grant that expires a year after the first.
        postGrant(account, "6.00", Instant.now().plus(Duration.ofDays(730)));

        Instant afterFirstExpired = Instant.now().plus(Duration.ofDays(366));
        transactions.executeWithoutResult(status -> wallet.expireBalance(account, afterFirstExpired));

        // 12.00 left: the 4.00 spent came out of the first grant, whose other 6.00 expired.
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("6.00"));
        assertThat(wallet.history(customer).getFirst()).satisfies(line -> {
            assertThat(line.type()).isEqualTo("EXPIRY");
            assertThat(line.amount()).isEqualTo(eur("-6.00"));
        });
        // Running it again books nothing more.
        transactions.executeWithoutResult(status -> wallet.expireBalance(account, afterFirstExpired));
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("6.00"));
        ledger.everyTransactionBalances();
        ledger.cachedBalancesMatchEntries();
    }

    @Test
    void theExpiryJobSkipsAccountsAnotherInstanceIsBooking() {
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, eur("3.00"), eur("0.00"), "Goodwill", key());
        UUID account = ledger.storeCreditAccount(customer, "EUR");
        Instant later = Instant.now().plus(Duration.ofDays(400));

        // One instance holds the account's lock while another runs the job: it takes other rows.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select 1 from wallet.accounts where id = ? for update")
                    .param(account)
                    .query()
                    .listOfRows();
            List<UUID> other = CompletableFuture.supplyAsync(() ->
                            transactions.execute(inner -> new Ledger(jdbc).lockAccountsWithExpiredBalance(later, 1000)))
                    .join();
            assertThat(other).doesNotContain(account);
        });

        int booked;
        do {
            booked = transactions.execute(status -> wallet.expireBalances(later, WalletJobs.BATCH));
        } while (booked == WalletJobs.BATCH);
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("0.00"));
        ledger.everyTransactionBalances();
    }

    @Test
    void ledgerEntriesCannotBeChangedOrRemoved() {
        CustomerId customer = ledger.newCustomer();
        StoreCreditGrant grant = wallet.grantStoreCredit(customer, eur("8.00"), eur("0.00"), "Goodwill", key());

        assertThatThrownBy(() -> jdbc.sql("update wallet.entries set amount = 800 where transaction_id = ?")
                        .param(grant.transactionId())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from wallet.entries where transaction_id = ?")
                        .param(grant.transactionId())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from wallet.transactions where id = ?")
                        .param(grant.transactionId())
                        .update())
                .hasMessageContaining("append-only");
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(eur("8.00"));
    }

    @Test
    void theDatabaseRefusesATransactionThatDoesNotSumToZero() {
        UUID account = jdbc.sql("select id from wallet.accounts where kind = 'ISSUED_CREDIT' and currency = 'EUR'")
                .query(UUID.class)
                .optional()
                .orElseGet(() ->
                        transactions.execute(status -> new Ledger(jdbc).systemAccount(AccountKind.ISSUED_CREDIT, EUR)));
        UUID transaction = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("insert into wallet.transactions (id, kind, idempotency_key, request_fingerprint, reason)"
                                    + " values (?, 'GRANT', ?, 'x', 'x')")
                            .params(transaction, key())
                            .update();
                    jdbc.sql("insert into wallet.entries (transaction_id, account_id, type, amount, currency)"
                                    + " values (?, ?, 'COUNTERPART', -5, 'EUR')")
                            .params(transaction, account)
                            .update();
                }))
                .hasMessageContaining("does not sum to zero");
        assertThat(jdbc.sql("select count(*) from wallet.transactions where id = ?")
                        .param(transaction)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void releaseExpiredHolds(Instant now) {
        int released;
        do {
            released = transactions.execute(status -> wallet.releaseExpiredHolds(now, WalletJobs.BATCH));
        } while (released == WalletJobs.BATCH);
    }

    private void postGrant(UUID account, String amount, Instant expiresAt) {
        transactions.executeWithoutResult(status -> {
            Ledger books = new Ledger(jdbc);
            books.lockAccount(account);
            String key = key();
            books.post(
                    Ledger.TransactionKind.GRANT,
                    key,
                    key,
                    "Second",
                    EUR,
                    expiresAt,
                    null,
                    List.of(
                            new Ledger.Posting(
                                    books.systemAccount(AccountKind.ISSUED_CREDIT, EUR),
                                    Ledger.EntryType.COUNTERPART,
                                    new BigDecimal(amount).negate()),
                            new Ledger.Posting(account, Ledger.EntryType.CREDIT, new BigDecimal(amount))));
        });
    }

    private List<String> systemAccountEntries(UUID transaction) {
        return jdbc.sql(
                        """
                        select a.kind || ':' || e.amount from wallet.entries e join wallet.accounts a on a.id = e.account_id
                        where e.transaction_id = ? and a.balance is null
                        """)
                .param(transaction)
                .query(String.class)
                .list();
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
