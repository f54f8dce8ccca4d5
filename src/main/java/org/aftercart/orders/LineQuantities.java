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

    /** Units still wanted by the customer: ordered minus cancelled. */
    public int active() {
        return ordered - cancelled;
    }

    /** Units still to be shipped. */
    public int unshipped() {
        return active() - shipped;
    }
}
