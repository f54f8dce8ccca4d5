package org.aftercart.orders;

import java.time.Instant;

/**
 * Units of a SKU a customer returned and was refunded for, as a sales history records it (e.g. a
 * credit-note line). The history does not say which order they came from: the import applies them
 * to the customer's most recent order line of that SKU placed at or before {@code returnedAt}.
 *
 * @param reference the source document, e.g. {@code UCI-C536379}; with {@code lineNo} it keys the
 *     return, so that it is applied once however often it is imported
 */
public record HistoricalReturn(
        String reference, int lineNo, String customerRef, Instant returnedAt, String sku, int quantity) {}
