package org.aftercart.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Returns waiting for the merchant, and the figures of a period, from this module's own tables.
 * Waiting for receipt: approved or in transit and untouched for a while ({@code updated_at}, index
 * returns_open_idx). Waiting for refund: REFUND_PENDING or MANUAL_REFUND_REQUIRED, at any age.
 */
@Repository
class ReturnWaitingList {

    private static final String WAITING_FOR_RECEIPT =
            "r.status in ('APPROVED', 'IN_TRANSIT') and r.updated_at < :since";
    private static final String WAITING_FOR_REFUND = "r.status in ('REFUND_PENDING', 'MANUAL_REFUND_REQUIRED')";

    private final JdbcClient jdbc;

    ReturnWaitingList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    List<ReturnSummary> waiting(boolean forRefund, Instant untouchedSince, int offset, int limit) {
        return jdbc.sql(
                        """
                        select r.id, r.number, r.order_id, r.order_number, r.customer_id, r.customer_email, r.channel,
                               r.method, r.status, r.currency, r.created_at,
                               coalesce((select sum(i.unit_refund * i.quantity) from returns.return_items i
                                         where i.return_id = r.id), 0) as value
                        from returns.returns r where """
                                + " " + (forRefund ? WAITING_FOR_REFUND : WAITING_FOR_RECEIPT)
                                + " order by r.updated_at, r.id limit :limit offset :offset")
                .param("since", Timestamp.from(untouchedSince))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new ReturnSummary(
                        new ReturnId(rs.getObject("id", UUID.class)),
                        rs.getString("number"),
                        new OrderId(rs.getObject("order_id", UUID.class)),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_email"),
                        ReturnChannel.valueOf(rs.getString("channel")),
                        ReturnMethod.valueOf(rs.getString("method")),
                        ReturnStatus.valueOf(rs.getString("status")),
                        Money.of(rs.getBigDecimal("value"), rs.getString("currency")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long countWaiting(boolean forRefund, Instant untouchedSince) {
        return jdbc.sql("select count(*) from returns.returns r where "
                        + (forRefund ? WAITING_FOR_REFUND : WAITING_FOR_RECEIPT))
                .param("since", Timestamp.from(untouchedSince))
                .query(Long.class)
                .single();
    }

    ReturnFigures figures(Instant from, Instant to, int topReasons) {
        String counted = " from returns.returns r where r.created_at >= :from and r.created_at < :to"
                + " and r.status not in ('CANCELLED', 'REJECTED')";
        long returns = jdbc.sql("select count(*)" + counted)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
        String items = " from returns.returns r join returns.return_items i on i.return_id = r.id"
                + " where r.created_at >= :from and r.created_at < :to and r.status not in ('CANCELLED', 'REJECTED')";
        List<ReturnFigures.ReasonCount> reasons = jdbc.sql("select i.reason_code, sum(i.quantity) as units" + items
                        + " group by i.reason_code order by units desc, i.reason_code limit :top")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("top", topReasons)
                .query((rs, row) -> new ReturnFigures.ReasonCount(rs.getString("reason_code"), rs.getLong("units")))
                .list();
        List<ReturnFigures.OutcomeMix> outcomes = jdbc.sql(
                        "select i.outcome, r.currency, sum(i.quantity) as units, sum(i.unit_refund * i.quantity) as value"
                                + items + " group by i.outcome, r.currency order by i.outcome, r.currency")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new ReturnFigures.OutcomeMix(
                        ReturnOutcome.valueOf(rs.getString("outcome")),
                        rs.getLong("units"),
                        Money.of(rs.getBigDecimal("value"), rs.getString("currency"))))
                .list();
        return new ReturnFigures(returns, reasons, outcomes);
    }
}
