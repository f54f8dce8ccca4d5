package org.aftercart.integrations.shopify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Shopify reported a fulfillment (fulfillments/create or fulfillments/update) of an order Aftercart
 * holds: which units left in which parcel, with which carrier and tracking numbers. Nothing in
 * Aftercart has shipped them; the fulfillment module is meant to record the parcel from this.
 *
 * @param update {@code false} for fulfillments/create, {@code true} for fulfillments/update
 * @param status Shopify's fulfillment status (pending, open, success, cancelled, error, failure)
 * @param shipmentStatus Shopify's latest carrier status of the parcel, when it has one
 * @param reportedAt Shopify's {@code updated_at} of the fulfillment
 */
@NamedInterface("shopify-events")
public record ShopifyFulfillmentReported(
        OrderId orderId,
        String orderNumber,
        long shopifyOrderId,
        long shopifyFulfillmentId,
        boolean update,
        @Nullable String status,
        @Nullable String shipmentStatus,
        @Nullable String trackingCompany,
        List<String> trackingNumbers,
        List<String> trackingUrls,
        List<Line> lines,
        @Nullable Instant reportedAt) {

    /**
     * @param orderLineId the order line the units belong to; {@code null} when the line item is not on
     *     the Aftercart order
     */
    public record Line(@Nullable UUID orderLineId, String sku, int quantity, long shopifyLineItemId) {}
}
