package org.aftercart.orders;

/**
 * The quantity of one order line in each bucket. Buckets count units, not states: a line of 3 may
 * have 1 cancelled, 2 shipped, 1 delivered and 1 returned at once.
 */
public record LineQuantities(
        int ordered,
        int cancelled,
        int fulfilled,
        int shipped,
        int delivered,
        int returnRequested,
        int returned,
        int refunded) {

    public static LineQuantities ordered(int quantity) {
        return new LineQuantities(quantity, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The buckets of several lines added up, as order-level rules look at them. */
    public static LineQuantities sum(java.util.Collection<LineQuantities> lines) {
        int ordered = 0,
                cancelled = 0,
                fulfilled = 0,
                shipped = 0,
                delivered = 0,
                requested = 0,
                returned = 0,
                refunded = 0;
        for (LineQuantities line : lines) {
            ordered += line.ordered;
            cancelled += line.cancelled;
            fulfilled += line.fulfilled;
            shipped += line.shipped;
            delivered += line.delivered;
            requested += line.returnRequested;
            returned += line.returned;
            refunded += line.refunded;
        }
        return new LineQuantities(ordered, cancelled, fulfilled, shipped, delivered, requested, returned, refunded);
    }

    /** Units still wanted by the customer: ordered minus cancelled. */
    public int active() {
        return ordered - cancelled;
    }

    /** Units still to be shipped. */
    public int unshipped() {
        return active() - shipped;
    }

    /**
     * Units the customer may still ask to return: those delivered, or those shipped while no delivery
     * was recorded for the line (a carrier without tracking), less units already asked back or
     * returned.
     */
    public int returnable() {
        int received = delivered > 0 ? delivered : shipped;
        return Math.max(0, received - returnRequested - returned);
    }
}
