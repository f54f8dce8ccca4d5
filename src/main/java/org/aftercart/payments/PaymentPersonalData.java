package org.aftercart.payments;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payment transactions of the customer's orders. They are accounting records with no name or
 * address, so erasure keeps them; a transaction still pending with the provider must settle first.
 */
@Component
class PaymentPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    PaymentPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "payments";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('transactions', coalesce(jsonb_agg(to_jsonb(t) order by t."createdAt"), '[]'))::text
                        from (
                            select id, order_id as "orderId", kind, amount, currency, provider, status,
                                   provider_reference as "providerReference", created_at as "createdAt",
                                   updated_at as "updatedAt"
                            from payments.transactions where order_id = any(?)
                        ) t
                        """)
                .param(orderIds(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return jdbc
                .sql(
                        """
                        select kind || ' of ' || amount || ' ' || currency from payments.transactions
                        where order_id = any(?) and status = 'PENDING' order by created_at
                        """)
                .param(orderIds(customerId))
                .query(String.class)
                .list()
                .stream()
                .map(payment -> "A payment (" + payment + ") is still pending with the provider.")
                .toList();
    }

    @Override
    public void erase(UUID customerId) {
        // Accounting records without personal data: kept as they are.
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
