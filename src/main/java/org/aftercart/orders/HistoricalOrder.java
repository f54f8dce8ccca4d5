package org.aftercart.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order from a sales history being imported, such as an invoice of a retailer's previous
 * system. Every unit of it was delivered long ago; returns come separately as {@link
 * HistoricalReturn}s.
 *
 * @param number the order number, unique across all channels, e.g. {@code UCI-536365}
 * @param externalRef the source's own key for it
 * @param customerRef the customer's external reference, {@code null} for a guest order
 * @param lines in the order of the source; their position is their line number
 */
public record HistoricalOrder(
        String number, String externalRef, @Nullable String customerRef, Instant placedAt, List<Line> lines) {

    public record Line(String sku, String title, BigDecimal unitPrice, int quantity) {}
}
