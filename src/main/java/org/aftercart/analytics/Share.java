package org.aftercart.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** A part of a whole, kept as both counts so that a share is never shown without what it is of. */
public record Share(long count, long of) {

    public Share {
        if (count < 0 || of < 0) {
            throw new IllegalArgumentException("A share counts from zero");
        }
    }

    /** Per cent with one decimal, half up; {@code null} when there is nothing to be a share of. */
    public @Nullable BigDecimal percent() {
        return per(100);
    }

    /** {@code count} per {@code base} of the whole, one decimal, half up; {@code null} when the whole is zero. */
    public @Nullable BigDecimal per(int base) {
        if (of == 0) {
            return null;
        }
        return BigDecimal.valueOf(count)
                .multiply(BigDecimal.valueOf(base))
                .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
