package org.aftercart.integrations;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The storefront webhooks received for the customer's orders, kept as received (they carry the
 * customer's name, e-mail and addresses). Erasure keeps each receipt (its id still recognises the
 * same webhook delivered again) without its body.
 */
@Component
class IntegrationPersonalData implements PersonalData {

    static final String ERASED_PAYLOAD = "{\"erased\":true}";

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    IntegrationPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "integrations";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('webhooksReceived', coalesce(jsonb_agg(to_jsonb(w) order by w."receivedAt"), '[]'))::text
                        from (
                            select source, topic, external_id as "externalId", received_at as "receivedAt",
                                   status, payload
                            from integrations.webhook_receipts where order_id = any(?)
                        ) w
                        """)
                .param(orderIds(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql(
                        """
                        update integrations.webhook_receipts set payload = ?, failure = null, outcome = null
                        where order_id = any(?) and payload <> ?
                        """)
                .params(ERASED_PAYLOAD, orderIds(customerId), ERASED_PAYLOAD)
                .update();
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
