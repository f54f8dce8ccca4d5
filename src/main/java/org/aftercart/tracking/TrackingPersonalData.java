package org.aftercart.tracking;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's parcels (outbound and return) with their checkpoints. Erasure removes the
 * destination postcode, the checkpoints' postcodes and carrier descriptions (which may say who
 * signed for the parcel) and the raw carrier payloads that mentioned the parcels; statuses and dates
 * stay for delivery statistics.
 */
@Component
class TrackingPersonalData implements PersonalData {

    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final OrderManagement orders;

    TrackingPersonalData(JdbcClient jdbc, OrderManagement orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "tracking";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'shipments', coalesce((select jsonb_agg(to_jsonb(s) order by s."shippedAt") from (
                                select s.id, s.order_number as "orderNumber", s.carrier, s.service,
                                       s.tracking_number as "trackingNumber", s.shipped_at as "shippedAt",
                                       s.status, s.delivered_at as "deliveredAt",
                                       s.destination_country as "destinationCountry",
                                       s.destination_postcode as "destinationPostcode",
                                       s.promise_earliest as "promiseEarliest", s.promise_latest as "promiseLatest",
                                       s.delayed_since as "delayedSince",
                                       coalesce((select jsonb_agg(jsonb_build_object(
                                               'occurredAt', e.occurred_at, 'status', e.status, 'code', e.code,
                                               'description', e.description, 'city', e.city,
                                               'postcode', e.postcode, 'country', e.country)
                                               order by e.occurred_at, e.id)
                                           from tracking.events e where e.tracking_number = s.tracking_number), '[]')
                                           as events
                                from tracking.shipments s where s.order_id = any(:orders)) s), '[]'),
                            'returnParcels', coalesce((select jsonb_agg(to_jsonb(r) order by r."registeredAt") from (
                                select r.return_number as "returnNumber", r.carrier,
                                       r.tracking_number as "trackingNumber", r.status,
                                       r.registered_at as "registeredAt", r.delivered_at as "deliveredAt"
                                from tracking.return_parcels r where r.order_id = any(:orders)) r), '[]'),
                            'trackingPageVisits', coalesce((select jsonb_agg(jsonb_build_object(
                                    'orderId', v.order_id, 'visits', v.visits,
                                    'firstVisitAt', v.first_visit_at, 'lastVisitAt', v.last_visit_at))
                                from tracking.page_visits v where v.order_id = any(:orders)), '[]'))::text
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
        UUID[] orderIds = orderIds(customerId);
        String[] trackingNumbers = jdbc.sql(
                        """
                        select tracking_number from tracking.shipments
                        where order_id = any(:orders) and tracking_number is not null
                        union
                        select tracking_number from tracking.return_parcels where order_id = any(:orders)
                        """)
                .param("orders", orderIds)
                .query(String.class)
                .list()
                .toArray(String[]::new);
        jdbc.sql("update tracking.shipments set destination_postcode = null where order_id = any(?)")
                .param(orderIds)
                .update();
        jdbc.sql(
                        """
                        update tracking.corrections c set reason = ?
                        from tracking.shipments s where s.id = c.shipment_id and s.order_id = any(?)
                        """)
                .params(ERASED, orderIds)
                .update();
        // The raw payload stays as a row (its hash still recognises the same payload sent again),
        // without its body: it may name the recipient or their address.
        jdbc.sql(
                        """
                        update tracking.payloads p set body = ?
                        where p.body <> ? and p.id in (
                            select payload_id from tracking.events where tracking_number = any(?))
                        """)
                .params(ERASED, ERASED, trackingNumbers)
                .update();
        jdbc.sql(
                        """
                        update tracking.events set description = null, postcode = null
                        where tracking_number = any(?) and (description is not null or postcode is not null)
                        """)
                .param(trackingNumbers)
                .update();
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
