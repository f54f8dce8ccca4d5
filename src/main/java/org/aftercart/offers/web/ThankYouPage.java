package org.aftercart.offers.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the thank-you page shows, formatted for the customer's language: amounts exact (as many
 * decimals as the amount has, at least the currency's), dates in words.
 *
 * @param promiseFrom the earliest delivery day; {@code null} when nothing can be promised (a cancelled order)
 * @param promiseTo the latest delivery day; {@code null} when it is the same day
 * @param changeable whether the order may still be changed or cancelled (packing has not started)
 * @param changeHelpUrl the help centre's article about changing an order, when the shop has one
 */
record ThankYouPage(
        String orderNumber,
        @Nullable String firstName,
        boolean cancelled,
        List<Line> lines,
        String subtotal,
        @Nullable String shipping,
        @Nullable String tax,
        @Nullable String discount,
        String total,
        @Nullable String promiseFrom,
        @Nullable String promiseTo,
        boolean changeable,
        String trackingPath,
        String accountPath,
        @Nullable String changeHelpUrl,
        String helpUrl,
        @Nullable OfferCard offer) {

    record Line(String title, String sku, int quantity, String unitPrice, String lineTotal) {}

    /** The offer slot's content; {@code href} is the counting redirect, never the target itself. */
    record OfferCard(String headline, String body, String callToAction, @Nullable String code, String href) {}
}
