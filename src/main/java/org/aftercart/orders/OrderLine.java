package org.aftercart.orders;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** One line of an order: a SKU at a unit price, with its quantities per bucket. */
@Table(schema = "orders", value = "order_lines")
class OrderLine {

    @Id
    private final UUID id;

    private final String sku;
    private final String title;
    private final BigDecimal unitPrice;
    private int ordered;
    private int cancelled;
    private int fulfilled;
    private int shipped;
    private int delivered;
    private int returnRequested;
    private int returned;
    private int refunded;

    @PersistenceCreator
    OrderLine(
            UUID id,
            String sku,
            String title,
            BigDecimal unitPrice,
            int ordered,
            int cancelled,
            int fulfilled,
            int shipped,
            int delivered,
            int returnRequested,
            int returned,
            int refunded) {
        this.id = id;
        this.sku = sku;
        this.title = title;
        this.unitPrice = unitPrice;
        this.ordered = ordered;
        this.cancelled = cancelled;
        this.fulfilled = fulfilled;
        this.shipped = shipped;
        this.delivered = delivered;
        this.returnRequested = returnRequested;
        this.returned = returned;
        this.refunded = refunded;
    }

    static OrderLine of(String sku, String title, BigDecimal unitPrice, int quantity) {
        return new OrderLine(UUID.randomUUID(), sku, title, unitPrice, quantity, 0, 0, 0, 0, 0, 0, 0);
    }

    UUID id() {
        return id;
    }

    String sku() {
        return sku;
    }

    String title() {
        return title;
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }

    LineQuantities quantities() {
        return new LineQuantities(
                ordered, cancelled, fulfilled, shipped, delivered, returnRequested, returned, refunded);
    }

    /** The amount the customer pays for this line: active units times the unit price. */
    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantities().active()));
    }

    /** Sets the wanted quantity: more units are ordered, fewer are cancelled. */
    void changeQuantityTo(int quantity) {
        int active = quantities().active();
        if (quantity > active) {
            ordered += quantity - active;
        } else {
            cancelled += active - quantity;
        }
    }

    void cancelRemaining() {
        cancelled = ordered - shipped;
    }

    void ship(int quantity) {
        if (quantity > quantities().unshipped()) {
            throw new IllegalStateException(
                    "Line " + sku + " has " + quantities().unshipped() + " units left to ship, not " + quantity);
        }
        fulfilled += quantity;
        shipped += quantity;
    }

    /**
     * Counts shipped units as delivered; never more than were shipped and not yet delivered, as a
     * carrier may report a parcel twice or after a correction. Returns the units counted.
     */
    int deliver(int quantity) {
        int counted = Math.min(quantity, shipped - delivered);
        delivered += Math.max(0, counted);
        return Math.max(0, counted);
    }

    /** Units the customer asks to send back; never more than {@link LineQuantities#returnable()}. */
    void requestReturn(int quantity) {
        if (quantity <= 0 || quantity > quantities().returnable()) {
            throw new InvalidOrder(
                    "Line " + sku + " has " + quantities().returnable() + " unit(s) left to return, not " + quantity);
        }
        returnRequested += quantity;
    }

    /** A return request was cancelled or rejected: its units are no longer asked back. */
    void releaseReturnRequest(int quantity) {
        returnRequested -= Math.min(quantity, returnRequested);
    }

    /** Units asked back arrived (or the customer keeps them on a returnless refund). */
    void receiveReturn(int quantity) {
        if (quantity <= 0 || quantity > returnRequested) {
            throw new InvalidOrder(
                    "Line " + sku + " has " + returnRequested + " unit(s) asked back, cannot receive " + quantity);
        }
        returnRequested -= quantity;
        returned += quantity;
    }

    /** Returned units whose money went back to the original payment. */
    void refund(int quantity) {
        if (quantity <= 0 || refunded + quantity > returned) {
            throw new InvalidOrder("Line " + sku + " has " + (returned - refunded)
                    + " returned unit(s) not yet refunded, cannot refund " + quantity);
        }
        refunded += quantity;
    }
}
