package org.aftercart.integrations.onlineretail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One line of the UCI Online Retail file, parsed.
 *
 * @param lineNumber where it starts in the file, 1 being the header
 * @param stockCode upper-cased: the file spells some codes both ways, e.g. {@code 85123A} and
 *     {@code 85123a}, for the same product
 * @param invoiceDate UK local time, as the file gives it
 * @param customerId the customer number without the file's trailing {@code .0}; {@code null} when
 *     empty
 */
public record OnlineRetailRow(
        long lineNumber,
        String invoiceNo,
        String stockCode,
        String description,
        int quantity,
        LocalDateTime invoiceDate,
        BigDecimal unitPrice,
        @Nullable String customerId,
        String country) {

    public boolean isCancellation() {
        return invoiceNo.startsWith("C");
    }
}
