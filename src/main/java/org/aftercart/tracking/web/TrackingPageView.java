package org.aftercart.tracking.web;

import java.util.List;
import org.aftercart.tracking.OrderDeliveryStatus;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;

/**
 * Everything the tracking page shows of one order, formatted for the reader's language and time
 * zone. Only built for the order a signed link or a guest lookup proved.
 */
record TrackingPageView(
        String token,
        String orderNumber,
        @Nullable String firstName,
        @Nullable String greeting,
        OrderDeliveryStatus overall,
        String zoneName,
        List<Parcel> parcels,
        List<Unshipped> unshipped,
        List<Recommendation> recommendations,
        String helpUrl,
        @Nullable String returnUrl) {

    record Parcel(
            int number,
            String carrier,
            @Nullable String service,
            @Nullable String trackingNumber,
            TrackingStatus status,
            /** 0 label created, 1 in transit, 2 out for delivery, 3 delivered: the progress bar's steps */
            int step,
            boolean trouble,
            @Nullable String promiseFrom,
            @Nullable String promiseTo,
            @Nullable String deliveredOn,
            List<Item> items,
            List<Event> events) {}

    record Item(String sku, String title, int quantity) {}

    /** Lines of the order that are not in any parcel yet. */
    record Unshipped(String title, int quantity) {}

    record Event(
            String when,
            String iso,
            TrackingStatus status,
            boolean trouble,
            @Nullable String description,
            @Nullable String place) {}

    record Recommendation(String slot, String sku, String title, String price, String href) {}
}
