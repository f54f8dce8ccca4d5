package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.shared.Money;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random sequences of grants, gift cards, holds, captures, voids, hold expiries, balance expiries
 * and replays against the real wallet: no balance goes negative, every transaction and the whole
 * ledger sum to zero, each source's balance matches a simple model, and a replayed key changes
 * nothing. jqwik does not run Spring's JUnit extension, so the wallet comes from the context the
 * other wallet tests share ({@link WalletTest}), taken from Spring's context cache.
 */
@WalletTest
class WalletLedgerPropertiesTests {

    private static Wallet wallet;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static LedgerChecks ledger;

    @BeforeContainer
    static void springContext() throws Exception {
        ApplicationContext context = new TestContextManager(WalletLedgerPropertiesTests.class)
                .getTestContext()
                .getApplicationContext();
        wallet = context.getBean(Wallet.class);
        jdbc = context.getBean(JdbcClient.class);
        transactions = context.getBean(TransactionTemplate.class);
        ledger = new LedgerChecks(jdbc, context.getBean(Customers.class));
    }

    sealed interface Step {}

    record Grant(int source, long cents, long bonusCents) implements Step {}

    record Authorise(int source, long cents) implements Step {}

    record Capture(int hold, long cents) implements Step {}

    record VoidHold(int hold) implements Step {}

    record ExpireHold(int hold) implements Step {}

    record ExpireBalances() implements Step {}

    record Replay(int step) implements Step {}

    @Property(tries = 80)
    void theLedgerStaysBalancedAndNeverNegative(@ForAll("journeys") List<Step> steps) {
        new Journey().run(steps);
    }

    @Provide
    Arbitrary<List<Step>> journeys() {
        Arbitrary<Integer> source = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 20);
        Arbitrary<Long> cents = Arbitraries.longs().between(1, 5_000);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Combinators.combine(source, cents, Arbitraries.longs().between(0, 500))
                                .as(Grant::new)),
                Tuple.of(5, Combinators.combine(source, cents).as(Authorise::new)),
                Tuple.of(4, Combinators.combine(index, cents).as(Capture::new)),
                Tuple.of(2, index.map(VoidHold::new)),
                Tuple.of(1, index.map(ExpireHold::new)),
                Tuple.of(1, Arbitraries.just(new ExpireBalances())),
                Tuple.of(3, index.map(Replay::new)));
        return step.list().ofMinSize(1).ofMaxSize(20);
    }

    /** One try: two customers and one gift card (source 2), all in EUR, and what they should hold. */
    private static final class Journey {

        private final CustomerId[] customers = {ledger.newCustomer(), ledger.newCustomer()};
        private final Map<Integer, BigDecimal> available = new HashMap<>();
        private final List<OpenHold> holds = new ArrayList<>();
        private final List<Runnable> done = new ArrayList<>();
        private String giftCardCode = "";

        private static final class OpenHold {
            final UUID id;
            final int source;
            final BigDecimal amount;
            boolean open = true;

            OpenHold(UUID id, int source, BigDecimal amount) {
                this.id = id;
                this.source = source;
                this.amount = amount;
            }
        }

        void run(List<Step> steps) {
            for (int i = 0; i < 3; i++) {
                available.put(i, BigDecimal.ZERO.setScale(2));
            }
            for (Step step : steps) {
                apply(step);
                checkSources();
            }
            ledger.everyTransactionBalances();
            ledger.cachedBalancesMatchEntries();
        }

        private void apply(Step step) {
            switch (step) {
                case Grant grant -> grant(grant.source(), money(grant.cents()), money(grant.bonusCents()));
                case Authorise authorise -> authorise(authorise.source(), money(authorise.cents()));
                case Capture capture -> capture(capture.hold(), money(capture.cents()));
                case VoidHold voidHold -> voidHold(voidHold.hold());
                case ExpireHold expireHold -> expireHold(expireHold.hold());
                case ExpireBalances expire -> expireBalances();
                case Replay replay -> replay(replay.step());
            }
        }

        private void grant(int source, Money amount, Money bonus) {
            String key = key();
            Money total = amount.plus(bonus);
            if (source == 2) {
                if (giftCardCode.isEmpty()) {
                    giftCardCode =
                            wallet.issueGiftCard(amount, null, "Sold", key).code();
                    remember(() -> assertThat(wallet.issueGiftCard(amount, null, "Sold", key)
                                    .replayed())
                            .isTrue());
                    available.merge(2, amount.amount(), BigDecimal::add);
                }
                return;
            }
            wallet.grantStoreCredit(customers[source], amount, bonus, "Goodwill", key);
            remember(() -> assertThat(wallet.grantStoreCredit(customers[source], amount, bonus, "Goodwill", key)
                            .replayed())
                    .isTrue());
            available.merge(source, total.amount(), BigDecimal::add);
        }

        private void authorise(int source, Money amount) {
            if (source == 2 && giftCardCode.isEmpty()) {
                return;
            }
            RedemptionSource from = source == 2
                    ? new RedemptionSource.GiftCard(giftCardCode)
                    : new RedemptionSource.StoreCredit(customers[source]);
            String key = key();
            if (amount.amount().compareTo(available.get(source)) > 0) {
                refused(() -> wallet.authorise(from, amount, key), InsufficientWalletBalance.class);
                return;
            }
            WalletHold hold = wallet.authorise(from, amount, key);
            remember(() ->
                    assertThat(wallet.authorise(from, amount, key).replayed()).isTrue());
            holds.add(new OpenHold(hold.id(), source, amount.amount()));
            available.merge(source, amount.amount().negate(), BigDecimal::add);
        }

        private void capture(int index, Money amount) {
            if (holds.isEmpty()) {
                return;
            }
            OpenHold hold = holds.get(index % holds.size());
            String key = key();
            if (!hold.open) {
                refused(() -> wallet.capture(hold.id, amount, key), HoldNotOpen.class);
            } else if (amount.amount().compareTo(hold.amount) > 0) {
                refused(() -> wallet.capture(hold.id, amount, key), CaptureExceedsHold.class);
            } else {
                wallet.capture(hold.id, amount, key);
                remember(() -> assertThat(wallet.capture(hold.id, amount, key).replayed())
                        .isTrue());
                hold.open = false;
                available.merge(hold.source, hold.amount.subtract(amount.amount()), BigDecimal::add);
            }
        }

        private void voidHold(int index) {
            if (holds.isEmpty()) {
                return;
            }
            OpenHold hold = holds.get(index % holds.size());
            String key = key();
            if (!hold.open) {
                refused(() -> wallet.voidHold(hold.id, key), HoldNotOpen.class);
                return;
            }
            wallet.voidHold(hold.id, key);
            remember(() -> assertThat(wallet.voidHold(hold.id, key).replayed()).isTrue());
            hold.open = false;
            available.merge(hold.source, hold.amount, BigDecimal::add);
        }

        private void expireHold(int index) {
            if (holds.isEmpty()) {
                return;
            }
            OpenHold hold = holds.get(index % holds.size());
            jdbc.sql("update wallet.holds set expires_at = now() - interval '1 second' where id = ?")
                    .param(hold.id)
                    .update();
            int released;
            do {
                released = transactions.execute(status -> wallet.releaseExpiredHolds(Instant.now(), WalletJobs.BATCH));
            } while (released == WalletJobs.BATCH);
            if (hold.open) {
                hold.open = false;
                available.merge(hold.source, hold.amount, BigDecimal::add);
            }
        }

        /** Three years on, every grant so far has expired: what is not held is booked as expired. */
        private void expireBalances() {
            Instant later = Instant.now().plus(Duration.ofDays(3 * 365));
            transactions.executeWithoutResult(status -> {
                for (int source = 0; source < 3; source++) {
                    accountOf(source).ifPresent(account -> wallet.expireBalance(account, later));
                }
            });
            available.replaceAll((source, amount) -> BigDecimal.ZERO.setScale(2));
        }

        private void replay(int index) {
            if (done.isEmpty()) {
                return;
            }
            String before = ledger.footprint();
            done.get(index % done.size()).run();
            assertThat(ledger.footprint()).as("a replay writes nothing").isEqualTo(before);
        }

        private void remember(Runnable replay) {
            done.add(replay);
        }

        private void refused(Supplier<?> call, Class<? extends RuntimeException> problem) {
            String before = ledger.footprint();
            assertThatThrownBy(call::get).isInstanceOf(problem);
            assertThat(ledger.footprint()).as("a refusal writes nothing").isEqualTo(before);
        }

        private void checkSources() {
            for (int source = 0; source < 3; source++) {
                BigDecimal expected = available.get(source);
                assertThat(expected.signum()).isNotNegative();
                BigDecimal actual = source == 2
                        ? giftCardCode.isEmpty()
                                ? BigDecimal.ZERO.setScale(2)
                                : wallet.giftCard(giftCardCode)
                                        .orElseThrow()
                                        .available()
                                        .amount()
                        : wallet.availableStoreCredit(customers[source], EUR_CURRENCY)
                                .amount();
                assertThat(actual).as("available on source %d", source).isEqualTo(expected);
                int of = source;
                BigDecimal held = holds.stream()
                        .filter(hold -> hold.open && hold.source == of)
                        .map(hold -> hold.amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(accountOf(source).map(this::heldOn).orElse(BigDecimal.ZERO))
                        .isEqualByComparingTo(held);
            }
        }

        private BigDecimal heldOn(UUID account) {
            return jdbc.sql(
                            "select coalesce(sum(amount), 0) from wallet.holds where account_id = ? and status = 'AUTHORISED'")
                    .param(account)
                    .query(BigDecimal.class)
                    .single();
        }

        private Optional<UUID> accountOf(int source) {
            if (source == 2) {
                return giftCardCode.isEmpty()
                        ? Optional.empty()
                        : jdbc.sql("select account_id from wallet.gift_cards where code_hash = ?")
                                .param(GiftCardCodes.hash(giftCardCode))
                                .query(UUID.class)
                                .optional();
            }
            return jdbc.sql("select id from wallet.accounts where kind = 'STORE_CREDIT' and customer_id = ?")
                    .param(customers[source].id())
                    .query(UUID.class)
                    .optional();
        }
    }

    private static final Currency EUR_CURRENCY = Currency.getInstance("EUR");

    private static Money money(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), EUR_CURRENCY);
    }

    private static String key() {
        return "property:" + UUID.randomUUID();
    }
}
