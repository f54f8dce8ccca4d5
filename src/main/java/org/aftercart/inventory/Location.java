package org.aftercart.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A place that holds stock.
 *
 * @param priority lower ships first when several locations can fill an order
 */
public record Location(String code, String name, Kind kind, @Nullable String country, int priority) {

    public enum Kind {
        WAREHOUSE,
        STORE
    }
}
