package org.aftercart.wallet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal: accounts, transactions and their entries. {@link #post} writes one balanced
 * transaction and keeps the holder accounts' cached balances in the same statement flow; callers
 * lock the holder accounts first ({@link #lockAccount}) and check that the balance suffices.
 */
@Repository
class Ledger {

    enum TransactionKind {
        GRANT,
        ISSUE,
        AUTHORISE,
        CAPTURE,
        VOID,
        HOLD_EXPIRY,
        EXPIRY
    }

    enum EntryType {
        CREDIT,
        BONUS,
        HOLD,
        RELEASE,
        REDEMPTION,
        EXPIRY,
        /** The system account's side of a movement. */
        COUNTERPART
    }

    record Account(
            UUID id, AccountKind kind, Currency currency, @Nullable CustomerId customer, @Nullable BigDecimal balance) {

        Money balanceMoney() {
            return new Money(balance == null ? BigDecimal.ZERO : balance, currency);
        }
    }

    record Posting(UUID accountId, EntryType type, BigDecimal amount) {}

    record PriorTransaction(
            UUID id,
            TransactionKind kind,
            String fingerprint,
            String reason,
            @Nullable Instant expiresAt,
            @Nullable UUID holdId) {}

    record Entry(long sequence, UUID accountId, EntryType type, Money amount, @Nullable BigDecimal balanceAfter) {}

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises work under one idempotency key until the end of the transaction. */
    void lockKey(String idempotencyKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('wallet:' || ?, 0))")
                .param(idempotencyKey)
                .query()
                .singleValue();
    }

    /**
     * Serialises one member of staff's grants in one currency until the end of the transaction, so
     * that two grants at once cannot both fit under a daily limit that only one fits under.
     */
    void lockGranter(String grantedBy, Currency currency) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('wallet-granter:' || ? || ':' || ?, 0))")
                .params(grantedBy, currency.getCurrencyCode())
                .query()
                .singleValue();
    }

    /** Store credit (bonus included) this member of staff granted in this currency since then. */
    BigDecimal grantedBy(String grantedBy, Currency currency, Instant since) {
        return jdbc.sql(
                        """
                        select coalesce(sum(e.amount), 0)
                        from wallet.transactions t
                        join wallet.entries e on e.transaction_id = t.id
                        where t.granted_by = ? and t.posted_at >= ? and t.kind = 'GRANT'
                          and e.currency = ? and e.type in ('CREDIT', 'BONUS')
                        """)
                .params(grantedBy, Timestamp.from(since), currency.getCurrencyCode())
                .query(BigDecimal.class)
                .single();
    }

    Optional<PriorTransaction> transactionByKey(String idempotencyKey) {
        return jdbc.sql(
                        """
                        select id, kind, request_fingerprint, reason, expires_at, hold_id
                        from wallet.transactions where idempotency_key = ?
                        """)
                .param(idempotencyKey)
                .query((rs, n) -> new PriorTransaction(
                        rs.getObject("id", UUID.class),
                        TransactionKind.valueOf(rs.getString("kind")),
                        rs.getString("request_fingerprint"),
                        rs.getString("reason"),
                        instant(rs, "expires_at"),
                        rs.getObject("hold_id", UUID.class)))
                .optional();
    }

    /**
     * The system account of that kind and currency, opened on first use. Not cached: an account
     * opened in a transaction that then rolls back does not exist.
     */
    UUID systemAccount(AccountKind kind, Currency currency) {
        if (kind.holder()) {
            throw new IllegalArgumentException(kind + " is not a system account");
        }
        Optional<UUID> existing = jdbc.sql("select id from wallet.accounts where kind = ? and currency = ?")
                .params(kind.name(), currency.getCurrencyCode())
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql(
                        """
                        insert into wallet.accounts (id, kind, currency) values (?, ?, ?)
                        on conflict (kind, currency) where kind not in ('STORE_CREDIT', 'GIFT_CARD') do nothing
                        """)
                .params(UUID.randomUUID(), kind.name(), currency.getCurrencyCode())
                .update();
        return jdbc.sql("select id from wallet.accounts where kind = ? and currency = ?")
                .params(kind.name(), currency.getCurrencyCode())
                .query(UUID.class)
                .single();
    }

    /** The customer's store credit account in that currency, opened on first use. */
    UUID openStoreCredit(CustomerId customer, Currency currency) {
        jdbc.sql(
                        """
                        insert into wallet.accounts (id, kind, currency, customer_id, balance) values (?, 'STORE_CREDIT', ?, ?, 0)
                        on conflict (customer_id, currency) where kind = 'STORE_CREDIT' do nothing
                        """)
                .params(UUID.randomUUID(), currency.getCurrencyCode(), customer.id())
                .update();
        return jdbc.sql(
                        "select id from wallet.accounts where kind = 'STORE_CREDIT' and customer_id = ? and currency = ?")
                .params(customer.id(), currency.getCurrencyCode())
                .query(UUID.class)
                .single();
    }

    UUID openGiftCard(Currency currency) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into wallet.accounts (id, kind, currency, balance) values (?, 'GIFT_CARD', ?, 0)")
                .params(id, currency.getCurrencyCode())
                .update();
        return id;
    }

    List<Account> storeCreditAccounts(CustomerId customer) {
        return jdbc.sql(
                        """
                        select * from wallet.accounts where kind = 'STORE_CREDIT' and customer_id = ?
                        order by currency
                        """)
                .param(customer.id())
                .query(Ledger::account)
                .list();
    }

    /** Locks the account's row until the end of the transaction and returns it as it then is. */
    Account lockAccount(UUID id) {
        return jdbc.sql("select * from wallet.accounts where id = ? for update")
                .param(id)
                .query(Ledger::account)
                .single();
    }

    Account account(UUID id) {
        return jdbc.sql("select * from wallet.accounts where id = ?")
                .param(id)
                .query(Ledger::account)
                .single();
    }

    /**
     * Writes one transaction. Its postings must sum to zero; holder accounts must be locked by the
     * caller, who checked that no holder balance goes below zero (the database refuses it anyway).
     *
     * @return the transaction's id
     */
    UUID post(
            TransactionKind kind,
            String idempotencyKey,
            String fingerprint,
            String reason,
            Currency currency,
            @Nullable Instant expiresAt,
            @Nullable UUID holdId,
            List<Posting> postings) {
        return post(kind, idempotencyKey, fingerprint, reason, currency, expiresAt, holdId, null, postings);
    }

    /** As above, for a grant by a member of staff ({@code grantedBy}: their sign-in name). */
    UUID post(
            TransactionKind kind,
            String idempotencyKey,
            String fingerprint,
            String reason,
            Currency currency,
            @Nullable Instant expiresAt,
            @Nullable UUID holdId,
            @Nullable String grantedBy,
            List<Posting> postings) {
        BigDecimal sum = postings.stream().map(Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() != 0 || postings.isEmpty()) {
            throw new IllegalStateException("Unbalanced wallet transaction " + kind + ": " + postings);
        }
        UUID transactionId = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into wallet.transactions
                            (id, kind, idempotency_key, request_fingerprint, reason, expires_at, hold_id, granted_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        transactionId,
                        kind.name(),
                        idempotencyKey,
                        fingerprint,
                        reason,
                        expiresAt == null ? null : Timestamp.from(expiresAt),
                        holdId,
                        grantedBy)
                .update();
        Map<UUID, Boolean> holders = new HashMap<>();
        for (Posting posting : postings) {
            boolean holder = holders.computeIfAbsent(
                    posting.accountId(), id -> account(id).kind().holder());
            BigDecimal balanceAfter = holder
                    ? jdbc.sql("update wallet.accounts set balance = balance + ? where id = ? returning balance")
                            .params(posting.amount(), posting.accountId())
                            .query(BigDecimal.class)
                            .single()
                    : null;
            jdbc.sql(
                            """
                            insert into wallet.entries (transaction_id, account_id, type, amount, currency, balance_after)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            transactionId,
                            posting.accountId(),
                            posting.type().name(),
                            posting.amount(),
                            currency.getCurrencyCode(),
                            balanceAfter)
                    .update();
        }
        return transactionId;
    }

    List<Entry> entriesOf(UUID transactionId) {
        return jdbc.sql(
                        """
                        select id, account_id, type, amount, currency, balance_after
                        from wallet.entries where transaction_id = ? order by id
                        """)
                .param(transactionId)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getObject("account_id", UUID.class),
                        EntryType.valueOf(rs.getString("type")),
                        new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBigDecimal("balance_after")))
                .list();
    }

    /** What open holds set aside from the account. */
    BigDecimal held(UUID accountId) {
        return jdbc.sql(
                        "select coalesce(sum(amount), 0) from wallet.holds where account_id = ? and status = 'AUTHORISED'")
                .param(accountId)
                .query(BigDecimal.class)
                .single();
    }

    /** The holder's lines, newest first, with the reason of the transaction each belongs to. */
    List<WalletEntryView> history(List<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select e.id, e.transaction_id, t.posted_at, e.type, t.reason, e.amount, e.currency, e.balance_after
                        from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                        where e.account_id in (:accounts)
                        order by e.id desc
                        """)
                .param("accounts", accountIds)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new WalletEntryView(
                            rs.getLong("id"),
                            rs.getObject("transaction_id", UUID.class),
                            rs.getTimestamp("posted_at").toInstant(),
                            rs.getString("type"),
                            rs.getString("reason"),
                            new Money(rs.getBigDecimal("amount"), currency),
                            new Money(rs.getBigDecimal("balance_after"), currency));
                })
                .list();
    }

    /**
     * What of the account's balance is still covered by grants that have not expired at {@code
     * now}. Spending takes from the grants that expire soonest first, so the balance belongs to the
     * grants that expire last, and whatever the unexpired grants cannot cover has expired.
     */
    BigDecimal unexpiredGrants(UUID accountId, Instant now) {
        return jdbc.sql(
                        """
                        select coalesce(sum(e.amount), 0)
                        from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                        where e.account_id = ? and t.kind in ('GRANT', 'ISSUE') and e.amount > 0
                          and (t.expires_at is null or t.expires_at > ?)
                        """)
                .params(accountId, Timestamp.from(now))
                .query(BigDecimal.class)
                .single();
    }

    /** Holder accounts whose balance is more than their unexpired grants cover, locked, skipping those locked elsewhere. */
    List<UUID> lockAccountsWithExpiredBalance(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select a.id from wallet.accounts a
                        where a.kind in ('STORE_CREDIT', 'GIFT_CARD') and a.balance > 0
                          and exists (select 1 from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                                      where e.account_id = a.id and t.kind in ('GRANT', 'ISSUE') and t.expires_at <= :now)
                          and a.balance > (select coalesce(sum(e.amount), 0)
                                           from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                                           where e.account_id = a.id and t.kind in ('GRANT', 'ISSUE') and e.amount > 0
                                             and (t.expires_at is null or t.expires_at > :now))
                        order by a.id
                        limit :limit
                        for update of a skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** When the amount a gift card was issued with expires (empty: never). */
    Optional<Instant> issueExpiry(UUID accountId) {
        return jdbc.sql(
                        """
                        select t.expires_at from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                        where e.account_id = ? and t.kind = 'ISSUE' and t.expires_at is not null
                        """)
                .param(accountId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    long lastEntryOf(UUID accountId) {
        return jdbc.sql("select coalesce(max(id), 0) from wallet.entries where account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Account(
                rs.getObject("id", UUID.class),
                AccountKind.valueOf(rs.getString("kind")),
                Currency.getInstance(rs.getString("currency")),
                customer == null ? null : new CustomerId(customer),
                rs.getBigDecimal("balance"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
