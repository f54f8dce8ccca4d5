package org.aftercart.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The durable record of every money movement, keyed by idempotency key. */
@Repository
class PaymentTransactions {

    private final JdbcClient jdbc;

    PaymentTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a PENDING movement, or returns the one already written under this key. */
    @Transactional
    PaymentTransaction begin(UUID orderId, PaymentTransaction.Kind kind, Money amount, String provider, String key) {
        jdbc.sql(
                        """
                        insert into payments.transactions (id, order_id, kind, amount, currency, provider, status, idempotency_key)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', ?) on conflict (idempotency_key) do nothing
                        """)
                .params(
                        UUID.randomUUID(),
                        orderId,
                        kind.name(),
                        amount.amount(),
                        amount.currency().getCurrencyCode(),
                        provider,
                        key)
                .update();
        return byKey(key);
    }

    /**
     * Writes a PENDING refund of at most what the order still has paid, or returns the movement
     * already written under this key. Refunds of one order are written one at a time (a lock on the
     * order), so two refunds together never give back more than was captured. Empty when nothing is
     * left to refund.
     */
    @Transactional
    Optional<PaymentTransaction> beginRefund(UUID orderId, Money amount, String provider, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('payments:refund:' || ?, 0))")
                .param(orderId.toString())
                .query((rs, row) -> 1)
                .single();
        Optional<PaymentTransaction> known = findByKey(key);
        if (known.isPresent()) {
            return known;
        }
        Optional<Money> paid = netPaid(orderId);
        if (paid.isEmpty() || !paid.get().isPositive() || !amount.isPositive()) {
            return Optional.empty();
        }
        Money refund = amount.compareTo(paid.get()) <= 0 ? amount : paid.get();
        return Optional.of(begin(orderId, PaymentTransaction.Kind.REFUND, refund, provider, key));
    }

    Optional<PaymentTransaction> findByKey(String key) {
        return jdbc.sql("select * from payments.transactions where idempotency_key = ?")
                .param(key)
                .query(PaymentTransactions::transaction)
                .optional();
    }

    @Transactional
    void recordSucceeded(UUID orderId, PaymentTransaction.Kind kind, Money amount, String provider, String key) {
        jdbc.sql(
                        """
                        insert into payments.transactions
                            (id, order_id, kind, amount, currency, provider, status, provider_reference, idempotency_key)
                        values (?, ?, ?, ?, ?, ?, 'SUCCEEDED', ?, ?) on conflict (idempotency_key) do nothing
                        """)
                .params(
                        UUID.randomUUID(),
                        orderId,
                        kind.name(),
                        amount.amount(),
                        amount.currency().getCurrencyCode(),
                        provider,
                        provider,
                        key)
                .update();
    }

    /** Returns whether this call finished it (false: an earlier call already had). */
    @Transactional
    boolean finish(UUID id, PaymentProvider.Result result, boolean refund) {
        return finish(id, result, refund, false);
    }

    /**
     * @param keepPendingOnFailure leave a failed attempt PENDING so that a later attempt with the same
     *     key tries again (a hold to release or capture must eventually happen)
     */
    @Transactional
    boolean finish(UUID id, PaymentProvider.Result result, boolean refund, boolean keepPendingOnFailure) {
        if (!result.succeeded() && keepPendingOnFailure) {
            jdbc.sql("update payments.transactions set failure_reason = ?, updated_at = now() where id = ?")
                    .params(result.message(), id)
                    .update();
            return false;
        }
        String status = result.succeeded() ? "SUCCEEDED" : refund ? "MANUAL_ACTION_REQUIRED" : "FAILED";
        return jdbc.sql(
                                """
                        update payments.transactions set status = ?, provider_reference = ?, failure_reason = ?, updated_at = now()
                        where id = ? and status = 'PENDING'
                        """)
                        .params(
                                status,
                                result.succeeded() ? result.reference() : null,
                                result.succeeded() ? null : result.message(),
                                id)
                        .update()
                > 0;
    }

    /** Empty when nothing was ever captured for the order. */
    Optional<Money> netPaid(UUID orderId) {
        return jdbc.sql(
                        """
                        select currency,
                               sum(case when kind in ('CAPTURE', 'CHARGE', 'HOLD_CAPTURE') and status = 'SUCCEEDED' then amount
                                        when kind = 'REFUND' and status in ('SUCCEEDED', 'PENDING', 'MANUAL_ACTION_REQUIRED') then -amount
                                        else 0 end) as net,
                               bool_or(kind = 'CAPTURE' and status = 'SUCCEEDED') as captured
                        from payments.transactions where order_id = ? group by currency
                        """)
                .param(orderId)
                .query((rs, row) ->
                        rs.getBoolean("captured") ? Money.of(rs.getBigDecimal("net"), rs.getString("currency")) : null)
                .optional();
    }

    List<PaymentTransaction> ofOrder(UUID orderId) {
        return jdbc.sql("select * from payments.transactions where order_id = ? order by created_at, kind")
                .param(orderId)
                .query(PaymentTransactions::transaction)
                .list();
    }

    private PaymentTransaction byKey(String key) {
        return findByKey(key).orElseThrow();
    }

    private static PaymentTransaction transaction(ResultSet rs, int row) throws SQLException {
        return new PaymentTransaction(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                PaymentTransaction.Kind.valueOf(rs.getString("kind")),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("provider"),
                PaymentTransaction.Status.valueOf(rs.getString("status")),
                rs.getString("provider_reference"),
                rs.getString("failure_reason"),
                rs.getString("idempotency_key"),
                rs.getTimestamp("created_at").toInstant());
    }
}
