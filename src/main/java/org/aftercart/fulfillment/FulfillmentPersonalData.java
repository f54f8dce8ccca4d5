package org.aftercart.fulfillment;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parcels of the customer's orders. Fulfilment keeps no name or address of its own (it reads the
 * order's), so erasure has nothing to remove here.
 */
@Component
class FulfillmentPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    FulfillmentPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "fulfillment";
    }

    @Override
    public String export(UUID customerId) {
        UUID[] orderIds = orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
        return jdbc.sql(
                        """
                        select jsonb_build_object('parcels', coalesce(jsonb_agg(to_jsonb(p) order by p."shippedAt"), '[]'))::text
                        from (
                            select p.id, p.order_id as "orderId", f.order_number as "orderNumber",
                                   f.location_code as "shippedFrom", p.carrier, p.service,
                                   p.tracking_number as "trackingNumber", p.shipped_at as "shippedAt",
                                   coalesce((select jsonb_agg(jsonb_build_object('sku', i.sku, 'quantity', i.quantity))
                                             from fulfillment.parcel_items i where i.parcel_id = p.id), '[]') as items
                            from fulfillment.parcels p
                            left join fulfillment.fulfillment_orders f on f.id = p.fulfillment_order_id
                            where p.order_id = any(?)
                        ) p
                        """)
                .param(orderIds)
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        // Nothing personal: carriers, tracking numbers and items are kept for the accounts.
    }
}
