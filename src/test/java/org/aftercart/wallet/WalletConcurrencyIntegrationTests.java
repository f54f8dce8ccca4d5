package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checkouts redeeming one balance at the same moment never spend it twice. */
@WalletTest
class WalletConcurrencyIntegrationTests {

    static final int CHECKOUTS = 12;

    @Autowired
    Wallet wallet;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentRedemptionsTakeNoMoreThanTheBalance() throws Exception {
        LedgerChecks ledger = new LedgerChecks(jdbc, customers);
        CustomerId customer = ledger.newCustomer();
        // 50.00 pays for five checkouts of 10.00 and not one more.
        wallet.grantStoreCredit(customer, Money.of("50.00", "EUR"), Money.of("0", "EUR"), "Goodwill", key());

        List<Boolean> outcomes = race(() -> {
            try {
                WalletHold hold =
                        wallet.authorise(new RedemptionSource.StoreCredit(customer), Money.of("10.00", "EUR"), key());
                wallet.capture(hold.id(), Money.of("10.00", "EUR"), key());
                return true;
            } catch (InsufficientWalletBalance refused) {
                return false;
            }
        });

        assertThat(outcomes).filteredOn(succeeded -> succeeded).hasSize(5);
        assertThat(wallet.availableStoreCredit(customer, Money.of("0", "EUR").currency()))
                .isEqualTo(Money.of("0.00", "EUR"));
        assertThat(jdbc.sql(
                                """
                        select coalesce(sum(captured), 0) from wallet.holds h join wallet.accounts a on a.id = h.account_id
                        where a.customer_id = ?
                        """)
                        .param(customer.id())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("50.00");
        ledger.everyTransactionBalances();
        ledger.cachedBalancesMatchEntries();
    }

    @Test
    void concurrentRepeatsOfOneKeyCaptureOnce() throws Exception {
        LedgerChecks ledger = new LedgerChecks(jdbc, customers);
        CustomerId customer = ledger.newCustomer();
        wallet.grantStoreCredit(customer, Money.of("30.00", "EUR"), Money.of("0", "EUR"), "Goodwill", key());
        WalletHold hold = wallet.authorise(new RedemptionSource.StoreCredit(customer), Money.of("30.00", "EUR"), key());
        String key = key();

        List<Boolean> replays = race(
                () -> wallet.capture(hold.id(), Money.of("25.00", "EUR"), key).replayed());

        assertThat(replays).filteredOn(replayed -> !replayed).hasSize(1);
        assertThat(wallet.availableStoreCredit(customer, Money.of("0", "EUR").currency()))
                .isEqualTo(Money.of("5.00", "EUR"));
    }

    private static List<Boolean> race(Callable<Boolean> checkout) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CHECKOUTS)) {
            for (int i = 0; i < CHECKOUTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return checkout.call();
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
