package org.aftercart.orders;

import org.aftercart.shared.Money;

/**
 * What a change would do to an order, computed by the change's own rules and written nowhere (see
 * {@link OrderManagement#previewChange}).
 *
 * @param version the order's version the preview was made on: confirm the change with it, so that
 *     a change made meanwhile refuses the confirmation instead of charging another amount
 * @param difference {@code totalAfter - totalBefore}: positive is charged, negative refunded
 */
public record ChangePreview(
        OrderId orderId,
        long version,
        ChangeKind kind,
        String description,
        Money totalBefore,
        Money totalAfter,
        Money difference) {}
