package org.aftercart.orders;

import java.util.List;
import java.util.UUID;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's orders with their lines, addresses and change journal. Erasure keeps what
 * accounting needs (numbers, dates, amounts, taxes, lines, and the ship-to country and region that
 * decide the tax, and the channel's reference, so a channel sending the order again is still
 * recognised) and removes the e-mail, names, street address and the journal's free text.
 */
@Component
class OrderPersonalData implements PersonalData {

    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    OrderPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "orders";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('orders', coalesce(jsonb_agg(to_jsonb(o) order by o."placedAt"), '[]'))::text
                        from (
                            select o.id, o.number, o.channel, o.status, o.payment_status as "paymentStatus",
                                   o.placed_at as "placedAt", o.email, o.customer_name as "customerName",
                                   o.currency, o.shipping_amount as "shippingAmount", o.tax_amount as "taxAmount",
                                   o.discount_amount as "discountAmount",
                                   jsonb_build_object('name', o.ship_to_name, 'line1', o.ship_to_line1,
                                       'line2', o.ship_to_line2, 'city', o.ship_to_city,
                                       'postcode', o.ship_to_postcode, 'region', o.ship_to_region,
                                       'country', o.ship_to_country) as "shipTo",
                                   coalesce((select jsonb_agg(jsonb_build_object(
                                           'lineNo', l.line_no, 'sku', l.sku, 'title', l.title,
                                           'unitPrice', l.unit_price, 'ordered', l.ordered,
                                           'cancelled', l.cancelled, 'shipped', l.shipped,
                                           'delivered', l.delivered, 'returned', l.returned,
                                           'refunded', l.refunded) order by l.line_no)
                                       from orders.order_lines l where l.order_id = o.id), '[]') as lines,
                                   coalesce((select jsonb_agg(jsonb_build_object(
                                           'version', c.version, 'kind', c.kind, 'actor', c.actor,
                                           'changedAt', c.changed_at, 'description', c.description,
                                           'priceDifference', c.price_difference, 'currency', c.currency)
                                           order by c.version)
                                       from orders.order_changes c where c.order_id = o.id), '[]') as journal
                            from orders.orders o where o.customer_id = ?
                        ) o
                        """)
                .param(customerId)
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return jdbc
                .sql(
                        """
                        select o.number from orders.orders o
                        where o.customer_id = ? and not o.historical and o.status <> 'CANCELLED'
                          and exists (select 1 from orders.order_lines l
                                      where l.order_id = o.id and l.shipped < l.ordered - l.cancelled)
                        order by o.placed_at
                        """)
                .param(customerId)
                .query(String.class)
                .list()
                .stream()
                .map(number -> "Order " + number + " is not shipped yet: it needs the delivery address.")
                .toList();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql(
                        """
                        update orders.order_changes c set description = :erased
                        from orders.orders o
                        where o.id = c.order_id and o.customer_id = :customer and c.description <> :erased
                        """)
                .param("customer", customerId)
                .param("erased", ERASED)
                .update();
        jdbc.sql(
                        """
                        update orders.orders set
                            email = null, customer_name = null, ship_to_name = null, ship_to_line1 = null,
                            ship_to_line2 = null, ship_to_city = null, ship_to_postcode = null
                        where customer_id = ?
                        """)
                .param(customerId)
                .update();
    }
}
