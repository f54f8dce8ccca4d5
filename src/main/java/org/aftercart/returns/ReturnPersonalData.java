package org.aftercart.returns;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's returns with their items, reasons, comments, steps and the photos' metadata (not
 * their bytes). Erasure removes e-mail addresses, comments and notes and deletes the photos; the
 * numbers, items, quantities, outcomes and amounts stay for the accounts. A return still under way
 * (waiting for the parcel, the inspection or the refund, or holding an instant exchange's payment)
 * must end first.
 */
@Component
class ReturnPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    ReturnPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "returns";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('returns', coalesce(jsonb_agg(to_jsonb(r) order by r."createdAt"), '[]'))::text
                        from (
                            select r.id, r.number, r.order_number as "orderNumber", r.status, r.channel, r.method,
                                   r.customer_email as "customerEmail", r.gift,
                                   r.gift_recipient_email as "giftRecipientEmail", r.returnless, r.carrier,
                                   r.tracking_number as "trackingNumber", r.currency,
                                   r.refund_amount as "refundAmount", r.refunded_amount as "refundedAmount",
                                   r.store_credit_amount as "storeCreditAmount", r.bonus_amount as "bonusAmount",
                                   r.exchange_order_number as "exchangeOrderNumber",
                                   r.created_at as "createdAt", r.updated_at as "updatedAt",
                                   coalesce((select jsonb_agg(jsonb_build_object(
                                           'lineNo', i.line_no, 'sku', i.sku, 'title', i.title,
                                           'quantity', i.quantity, 'reason', i.reason_code, 'comment', i.comment,
                                           'requestedOutcome', i.requested_outcome, 'outcome', i.outcome,
                                           'outcomeNote', i.outcome_note, 'exchangeSku', i.exchange_sku,
                                           'unitRefund', i.unit_refund, 'receivedQuantity', i.received_quantity,
                                           'condition', i.condition,
                                           'photos', coalesce((select jsonb_agg(jsonb_build_object(
                                                   'id', p.id, 'contentType', p.content_type,
                                                   'bytes', length(p.bytes), 'createdAt', p.created_at))
                                               from returns.photos p where p.item_id = i.id), '[]'))
                                           order by i.line_no)
                                       from returns.return_items i where i.return_id = r.id), '[]') as items,
                                   coalesce((select jsonb_agg(jsonb_build_object(
                                           'from', s.from_status, 'to', s.to_status, 'actor', s.actor,
                                           'at', s.at, 'note', s.note) order by s.seq)
                                       from returns.return_steps s where s.return_id = r.id), '[]') as steps
                            from returns.returns r
                            where r.customer_id = :customer or r.order_id = any(:orders)
                        ) r
                        """)
                .param("customer", customerId)
                .param("orders", orderIds(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return jdbc.sql(
                        """
                        select number, status from returns.returns
                        where (customer_id = :customer or order_id = any(:orders))
                          and (status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT', 'RECEIVED', 'REFUND_PENDING',
                                          'MANUAL_REFUND_REQUIRED')
                               or hold_state = 'HELD')
                        order by created_at
                        """)
                .param("customer", customerId)
                .param("orders", orderIds(customerId))
                .query((rs, row) -> "Return " + rs.getString("number") + " is still under way ("
                        + rs.getString("status") + "): it must be resolved, rejected or cancelled first.")
                .list();
    }

    @Override
    public void erase(UUID customerId) {
        UUID[] orderIds = orderIds(customerId);
        jdbc.sql(
                        """
                        delete from returns.photos p using returns.returns r
                        where r.id = p.return_id and (r.customer_id = :customer or r.order_id = any(:orders))
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .update();
        jdbc.sql(
                        """
                        update returns.return_items i set comment = null, outcome_note = null
                        from returns.returns r
                        where r.id = i.return_id and (r.customer_id = :customer or r.order_id = any(:orders))
                          and (i.comment is not null or i.outcome_note is not null)
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .update();
        jdbc.sql(
                        """
                        update returns.return_steps s set note = null
                        from returns.returns r
                        where r.id = s.return_id and (r.customer_id = :customer or r.order_id = any(:orders))
                          and s.note is not null
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .update();
        jdbc.sql(
                        """
                        update returns.returns set customer_email = null, gift_recipient_email = null,
                            erased_at = coalesce(erased_at, now())
                        where customer_id = :customer or order_id = any(:orders)
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .update();
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
