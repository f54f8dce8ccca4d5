package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's invariants, checked on the whole database, and a fresh customer per test. */
final class LedgerChecks {

    private final JdbcClient jdbc;
    private final Customers customers;

    LedgerChecks(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    CustomerId newCustomer() {
        return customers.findOrRegister(ContactDetails.email("wallet-" + UUID.randomUUID() + "@example.org", null));
    }

    /** Double entry: every transaction sums to zero per currency, and so does the whole ledger. */
    void everyTransactionBalances() {
        assertThat(jdbc.sql(
                                """
                        select count(*) from (select 1 from wallet.entries
                        group by transaction_id, currency having sum(amount) <> 0) unbalanced
                        """)
                        .query(Long.class)
                        .single())
                .as("unbalanced transactions")
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from (select 1 from wallet.entries group by currency having sum(amount) <> 0) c")
                        .query(Long.class)
                        .single())
                .as("currencies whose balances do not sum to zero")
                .isZero();
    }

    /** Cached balances equal their entries, none is negative, and every running balance adds up. */
    void cachedBalancesMatchEntries() {
        assertThat(jdbc.sql(
                                """
                        select count(*) from wallet.accounts a
                        where a.balance is not null
                          and (a.balance < 0 or a.balance <> (select coalesce(sum(amount), 0) from wallet.entries e where e.account_id = a.id))
                        """)
                        .query(Long.class)
                        .single())
                .as("holder accounts whose balance differs from their entries")
                .isZero();
        assertThat(jdbc.sql(
                                """
                        select count(*) from wallet.entries e join wallet.accounts a on a.id = e.account_id
                        where a.balance is not null and e.balance_after <>
                            (select sum(amount) from wallet.entries p where p.account_id = e.account_id and p.id <= e.id)
                        """)
                        .query(Long.class)
                        .single())
                .as("entries whose running balance is wrong")
                .isZero();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Rows of every wallet table, to show that a refusal wrote nothing. */
    String footprint() {
        return count("wallet.accounts") + "/" + count("wallet.transactions") + "/" + count("wallet.entries") + "/"
                + count("wallet.holds") + "/" + count("wallet.gift_cards") + "/"
                + jdbc.sql("select coalesce(sum(balance), 0) from wallet.accounts")
                        .query(BigDecimal.class)
                        .single()
                        .stripTrailingZeros()
                        .toPlainString()
                + "/"
                + jdbc.sql("select count(*) from wallet.holds where status = 'AUTHORISED'")
                        .query(Long.class)
                        .single();
    }

    UUID storeCreditAccount(CustomerId customer, String currency) {
        return jdbc.sql(
                        "select id from wallet.accounts where kind = 'STORE_CREDIT' and customer_id = ? and currency = ?")
                .params(customer.id(), currency)
                .query(UUID.class)
                .single();
    }
}
