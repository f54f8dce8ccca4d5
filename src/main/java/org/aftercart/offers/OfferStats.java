package org.aftercart.offers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * How an offer did: every view and click, and unique ones (distinct orders), so that reloading a
 * page is not a second customer.
 */
public record OfferStats(long views, long uniqueViews, long clicks, long uniqueClicks) {

    public static final OfferStats NONE = new OfferStats(0, 0, 0, 0);

    /** Orders that clicked per order that saw it, in percent with one decimal; {@code null} before any view. */
    public @Nullable BigDecimal clickThroughPercent() {
        if (uniqueViews == 0) {
            return null;
        }
        return BigDecimal.valueOf(uniqueClicks)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(uniqueViews), 1, RoundingMode.HALF_UP);
    }
}
