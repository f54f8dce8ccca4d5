package org.aftercart.offers;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which offers the customer saw and clicked on the thank-you pages of their orders. The counts name
 * nobody (only the order, which stays as an anonymous record), so erasure keeps them for the
 * offers' figures.
 */
@Component
class OfferPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    OfferPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "offers";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'offersSeen', coalesce((select jsonb_agg(jsonb_build_object(
                                    'orderId', v.order_id, 'headline', o.headline, 'views', v.views,
                                    'firstViewedAt', v.first_viewed_at, 'lastViewedAt', v.last_viewed_at,
                                    'clicks', coalesce(c.clicks, 0), 'lastClickedAt', c.last_clicked_at)
                                    order by v.first_viewed_at)
                                from offers.offer_views v
                                join offers.offers o on o.id = v.offer_id
                                left join offers.offer_clicks c on c.offer_id = v.offer_id and c.order_id = v.order_id
                                where v.order_id = any(:orders)), '[]'))::text
                        """)
                .param("orders", orderIds(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        // Nothing personal: view and click counts per order are kept for the offers' figures.
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
