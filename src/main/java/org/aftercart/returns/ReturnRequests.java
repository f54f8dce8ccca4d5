package org.aftercart.returns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The returns schema: returns, their items and their append-only timeline. */
@Repository
class ReturnRequests {

    private final JdbcClient jdbc;
    private final PolicyJson policyJson;

    ReturnRequests(JdbcClient jdbc, PolicyJson policyJson) {
        this.jdbc = jdbc;
        this.policyJson = policyJson;
    }

    /**
     * Serialises the requests of one order, so that two requests for the same items cannot both see
     * them as returnable; held until the transaction ends.
     */
    void lockOrder(OrderId orderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('returns:order:' || ?, 0))")
                .param(orderId.toString())
                .query((rs, row) -> 1)
                .single();
    }

    /** The order's next return number, R-<order number>-<n>; call with the order locked. */
    String nextNumber(OrderId orderId, String orderNumber) {
        int count = jdbc.sql("select count(*) from returns.returns where order_id = ?")
                .param(orderId.id())
                .query(Integer.class)
                .single();
        return "R-" + orderNumber + "-" + (count + 1);
    }

    void insert(ReturnRequest request) {
        jdbc.sql(
                        """
                        insert into returns.returns (id, number, order_id, order_number, customer_id, customer_email,
                            currency, channel, method, location_code, gift, gift_recipient_email, exchange_delivery,
                            status, created_at, updated_at, policy)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        """)
                .params(
                        request.id,
                        request.number,
                        request.orderId.id(),
                        request.orderNumber,
                        request.customerId,
                        request.customerEmail,
                        request.currency.getCurrencyCode(),
                        request.channel.name(),
                        request.method.name(),
                        request.locationCode,
                        request.gift,
                        request.giftRecipientEmail,
                        request.exchangeDelivery.name(),
                        request.status.name(),
                        Timestamp.from(request.createdAt),
                        Timestamp.from(request.createdAt),
                        request.decidedUnder == null ? null : policyJson.write(request.decidedUnder))
                .update();
        for (ReturnItem item : request.items) {
            jdbc.sql(
                            """
                            insert into returns.return_items (id, return_id, line_no, order_line_id, sku, title, quantity,
                                reason_code, comment, requested_outcome, outcome, outcome_note, exchange_sku, unit_refund)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            item.id,
                            request.id,
                            item.lineNo,
                            item.orderLineId,
                            item.sku,
                            item.title,
                            item.quantity,
                            item.reasonCode,
                            item.comment,
                            item.requestedOutcome.name(),
                            item.outcome.name(),
                            item.outcomeNote,
                            item.exchangeSku,
                            item.unitRefund.amount())
                    .update();
        }
        appendSteps(request);
    }

    /**
     * Writes what a command changed and appends its steps. The row was locked by {@link #lock}; the
     * version check is a second guard for callers that did not lock.
     */
    void save(ReturnRequest request) {
        int updated = jdbc.sql(
                        """
                        update returns.returns set status = ?, returnless = ?, carrier = ?, tracking_number = ?,
                            refund_amount = ?, refunded_amount = ?, store_credit_amount = ?, bonus_amount = ?,
                            exchange_order_id = ?, exchange_order_number = ?, hold_key = ?, hold_state = ?,
                            hold_deadline = ?, exchange_reserved_until = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?
                        """)
                .params(
                        request.status.name(),
                        request.returnless,
                        request.carrier,
                        request.trackingNumber,
                        amount(request.refundAmount),
                        amount(request.refunded),
                        amount(request.storeCredit),
                        amount(request.bonus),
                        request.exchangeOrderId,
                        request.exchangeOrderNumber,
                        request.holdKey,
                        request.holdState == null ? null : request.holdState.name(),
                        timestamp(request.holdDeadline),
                        timestamp(request.exchangeReservedUntil),
                        request.id,
                        request.version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Return " + request.number + " was changed meanwhile");
        }
        request.version++;
        for (ReturnItem item : request.items) {
            jdbc.sql(
                            """
                            update returns.return_items set outcome = ?, outcome_note = ?, received_quantity = ?,
                                condition = ?, resellable = ?, restock_location = ?
                            where id = ?
                            """)
                    .params(
                            item.outcome.name(),
                            item.outcomeNote,
                            item.receivedQuantity,
                            item.condition == null ? null : item.condition.name(),
                            item.resellable,
                            item.restockLocation,
                            item.id)
                    .update();
        }
        appendSteps(request);
    }

    private void appendSteps(ReturnRequest request) {
        for (ReturnView.Step step : request.newSteps) {
            jdbc.sql(
                            """
                            insert into returns.return_steps (return_id, seq, from_status, to_status, actor, at, note)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            request.id,
                            step.seq(),
                            step.from() == null ? null : step.from().name(),
                            step.to().name(),
                            step.actor(),
                            Timestamp.from(step.at()),
                            step.note())
                    .update();
        }
        request.newSteps.clear();
    }

    /** Loads a return and locks its row until the transaction ends. */
    Optional<ReturnRequest> lock(UUID id) {
        return load("where r.id = ? for update of r", id).stream().findFirst();
    }

    Optional<ReturnRequest> find(UUID id) {
        return load("where r.id = ?", id).stream().findFirst();
    }

    List<ReturnRequest> ofOrder(UUID orderId) {
        return load("where r.order_id = ? order by r.created_at, r.number", orderId);
    }

    List<ReturnRequest> ofCustomer(UUID customerId) {
        return load("where r.customer_id = ? order by r.created_at desc, r.number", customerId);
    }

    /** Returns in a status since before a moment, oldest first (for the sweepers). */
    List<UUID> idsIn(ReturnStatus status, Instant updatedBefore, int limit) {
        return jdbc.sql(
                        "select id from returns.returns where status = ? and updated_at < ? order by updated_at limit ?")
                .params(status.name(), Timestamp.from(updatedBefore), limit)
                .query(UUID.class)
                .list();
    }

    /** Instant exchanges whose items did not arrive in time. */
    List<UUID> holdsPastDeadline(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select id from returns.returns where hold_state = 'HELD' and hold_deadline < ?
                            and status in ('APPROVED', 'IN_TRANSIT') order by hold_deadline limit ?
                        """)
                .params(Timestamp.from(now), limit)
                .query(UUID.class)
                .list();
    }

    /** Exchanges whose stock reservation ran out before the items arrived. */
    List<UUID> reservationsPastHold(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select id from returns.returns where exchange_reserved_until < ?
                            and status in ('APPROVED', 'IN_TRANSIT') order by exchange_reserved_until limit ?
                        """)
                .params(Timestamp.from(now), limit)
                .query(UUID.class)
                .list();
    }

    List<ReturnView.Step> steps(UUID returnId) {
        return jdbc.sql(
                        "select seq, from_status, to_status, actor, at, note from returns.return_steps where return_id = ? order by seq")
                .param(returnId)
                .query((rs, row) -> new ReturnView.Step(
                        rs.getInt("seq"),
                        rs.getString("from_status") == null ? null : ReturnStatus.valueOf(rs.getString("from_status")),
                        ReturnStatus.valueOf(rs.getString("to_status")),
                        rs.getString("actor"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("note")))
                .list();
    }

    Optional<ReturnId> findByIdempotencyKey(String key, String requestHash) {
        return jdbc.sql("select request_hash, return_id from returns.idempotency_keys where key = ?")
                .param(key)
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new ReturnRefused(
                                "idempotency-key-reused",
                                "The Idempotency-Key " + key + " was already used for another request");
                    }
                    return new ReturnId(rs.getObject("return_id", UUID.class));
                })
                .optional();
    }

    /** Fails with a duplicate-key error when another request took the key first. */
    void rememberIdempotencyKey(String key, String requestHash, ReturnId returnId) {
        jdbc.sql("insert into returns.idempotency_keys (key, request_hash, return_id) values (?, ?, ?)")
                .params(key, requestHash, returnId.id())
                .update();
    }

    private List<ReturnRequest> load(String where, Object... params) {
        List<ReturnRequest> requests = jdbc.sql(
                        """
                        select r.*, (select coalesce(max(seq), 0) from returns.return_steps s where s.return_id = r.id)
                            as last_step
                        from returns.returns r
                        """
                                + where)
                .params(params)
                .query(this::row)
                .list();
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReturnItem>> items = new HashMap<>();
        Map<UUID, Currency> currencies = new HashMap<>();
        requests.forEach(request -> currencies.put(request.id, request.currency));
        jdbc.sql("select * from returns.return_items where return_id = any(?) order by return_id, line_no")
                .param(currencies.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    UUID returnId = rs.getObject("return_id", UUID.class);
                    items.computeIfAbsent(returnId, id -> new ArrayList<>()).add(item(rs, currencies.get(returnId)));
                });
        List<ReturnRequest> loaded = new ArrayList<>(requests.size());
        for (ReturnRequest request : requests) {
            loaded.add(withItems(request, items.getOrDefault(request.id, List.of())));
        }
        return loaded;
    }

    private ReturnRequest row(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        ReturnRequest request = new ReturnRequest(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                new OrderId(rs.getObject("order_id", UUID.class)),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_email"),
                currency,
                ReturnChannel.valueOf(rs.getString("channel")),
                ReturnMethod.valueOf(rs.getString("method")),
                rs.getString("location_code"),
                rs.getBoolean("gift"),
                rs.getString("gift_recipient_email"),
                ExchangeDelivery.valueOf(rs.getString("exchange_delivery")),
                ReturnStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                List.of(),
                rs.getLong("version"),
                rs.getInt("last_step"));
        request.returnless = rs.getBoolean("returnless");
        request.carrier = rs.getString("carrier");
        request.trackingNumber = rs.getString("tracking_number");
        request.refundAmount = money(rs.getBigDecimal("refund_amount"), currency);
        request.refunded = money(rs.getBigDecimal("refunded_amount"), currency);
        request.storeCredit = money(rs.getBigDecimal("store_credit_amount"), currency);
        request.bonus = money(rs.getBigDecimal("bonus_amount"), currency);
        request.exchangeOrderId = rs.getObject("exchange_order_id", UUID.class);
        request.exchangeOrderNumber = rs.getString("exchange_order_number");
        request.holdKey = rs.getString("hold_key");
        request.holdState =
                rs.getString("hold_state") == null ? null : ReturnRequest.HoldState.valueOf(rs.getString("hold_state"));
        request.holdDeadline = instant(rs, "hold_deadline");
        request.exchangeReservedUntil = instant(rs, "exchange_reserved_until");
        String policy = rs.getString("policy");
        request.decidedUnder = policy == null ? null : policyJson.read(policy);
        return request;
    }

    private static ReturnRequest withItems(ReturnRequest loaded, List<ReturnItem> items) {
        ReturnRequest request = new ReturnRequest(
                loaded.id,
                loaded.number,
                loaded.orderId,
                loaded.orderNumber,
                loaded.customerId,
                loaded.customerEmail,
                loaded.currency,
                loaded.channel,
                loaded.method,
                loaded.locationCode,
                loaded.gift,
                loaded.giftRecipientEmail,
                loaded.exchangeDelivery,
                loaded.status,
                loaded.createdAt,
                items,
                loaded.version,
                loaded.lastStep);
        request.returnless = loaded.returnless;
        request.carrier = loaded.carrier;
        request.trackingNumber = loaded.trackingNumber;
        request.refundAmount = loaded.refundAmount;
        request.refunded = loaded.refunded;
        request.storeCredit = loaded.storeCredit;
        request.bonus = loaded.bonus;
        request.exchangeOrderId = loaded.exchangeOrderId;
        request.exchangeOrderNumber = loaded.exchangeOrderNumber;
        request.holdKey = loaded.holdKey;
        request.holdState = loaded.holdState;
        request.holdDeadline = loaded.holdDeadline;
        request.exchangeReservedUntil = loaded.exchangeReservedUntil;
        request.decidedUnder = loaded.decidedUnder;
        return request;
    }

    private static ReturnItem item(ResultSet rs, Currency currency) throws SQLException {
        return new ReturnItem(
                rs.getObject("id", UUID.class),
                rs.getInt("line_no"),
                rs.getObject("order_line_id", UUID.class),
                rs.getString("sku"),
                rs.getString("title"),
                rs.getInt("quantity"),
                rs.getString("reason_code"),
                rs.getString("comment"),
                ReturnOutcome.valueOf(rs.getString("requested_outcome")),
                ReturnOutcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_note"),
                rs.getString("exchange_sku"),
                new Money(rs.getBigDecimal("unit_refund"), currency),
                (Integer) rs.getObject("received_quantity"),
                rs.getString("condition") == null ? null : ItemCondition.valueOf(rs.getString("condition")),
                (Boolean) rs.getObject("resellable"),
                rs.getString("restock_location"));
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    private static @Nullable Money money(@Nullable BigDecimal amount, Currency currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
