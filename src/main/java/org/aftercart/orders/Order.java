package org.aftercart.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The order aggregate. It guards the edit window: every change goes through {@link
 * #ensureChangeable()}, and the optimistic {@link #version} makes a change and the start of packing
 * that race each other end with exactly one winner.
 */
@Table(schema = "orders", value = "orders")
class Order extends AbstractAggregateRoot<Order> {

    @Id
    private final UUID id;

    private final String number;
    private final SalesChannel channel;
    private final @Nullable String externalRef;
    private final @Nullable UUID customerId;
    private final @Nullable String email;
    private final @Nullable String customerName;
    private final String currency;
    private OrderStatus status;
    private PaymentStatus paymentStatus;
    private final BigDecimal shippingAmount;
    private final BigDecimal taxAmount;
    private final BigDecimal discountAmount;

    @Embedded.Nullable(prefix = "ship_to_")
    private @Nullable ShippingAddress shipTo;

    private final Instant placedAt;
    private @Nullable Instant packingStartedAt;
    private final boolean historical;

    /** The location whose counter handed the order over (no shipping); {@code null} for other orders. */
    private final @Nullable String handedOverAt;

    @MappedCollection(idColumn = "order_id", keyColumn = "line_no")
    private final List<OrderLine> lines;

    @Version
    private long version;

    @PersistenceCreator
    Order(
            UUID id,
            String number,
            SalesChannel channel,
            @Nullable String externalRef,
            @Nullable UUID customerId,
            @Nullable String email,
            @Nullable String customerName,
            String currency,
            OrderStatus status,
            PaymentStatus paymentStatus,
            BigDecimal shippingAmount,
            BigDecimal taxAmount,
            BigDecimal discountAmount,
            @Nullable ShippingAddress shipTo,
            Instant placedAt,
            @Nullable Instant packingStartedAt,
            boolean historical,
            @Nullable String handedOverAt,
            List<OrderLine> lines,
            long version) {
        this.id = id;
        this.number = number;
        this.channel = channel;
        this.externalRef = externalRef;
        this.customerId = customerId;
        this.email = email;
        this.customerName = customerName;
        this.currency = currency;
        this.status = status;
        this.paymentStatus = paymentStatus;
        this.shippingAmount = shippingAmount;
        this.taxAmount = taxAmount;
        this.discountAmount = discountAmount;
        this.shipTo = shipTo;
        this.placedAt = placedAt;
        this.packingStartedAt = packingStartedAt;
        this.historical = historical;
        this.handedOverAt = handedOverAt;
        this.lines = new ArrayList<>(lines);
        this.version = version;
    }

    OrderId id() {
        return new OrderId(id);
    }

    String number() {
        return number;
    }

    long version() {
        return version;
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }

    @Nullable
    UUID customerId() {
        return customerId;
    }

    SalesChannel channel() {
        return channel;
    }

    @Nullable
    String externalRef() {
        return externalRef;
    }

    @Nullable
    String email() {
        return email;
    }

    @Nullable
    String customerName() {
        return customerName;
    }

    OrderStatus status() {
        return status;
    }

    PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    @Nullable
    ShippingAddress shipTo() {
        return shipTo;
    }

    Instant placedAt() {
        return placedAt;
    }

    @Nullable
    Instant packingStartedAt() {
        return packingStartedAt;
    }

    @Nullable
    String handedOverAt() {
        return handedOverAt;
    }

    List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    Money shipping() {
        return new Money(shippingAmount, currency());
    }

    Money tax() {
        return new Money(taxAmount, currency());
    }

    Money discount() {
        return new Money(discountAmount, currency());
    }

    Money subtotal() {
        return new Money(lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency());
    }

    /** What the customer pays: lines plus shipping and tax, less discounts. */
    Money total() {
        return subtotal().plus(shipping()).plus(tax()).minus(discount());
    }

    Optional<OrderLine> line(UUID lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst();
    }

    /** Refuses any change once packing has started or nothing is left to change, naming the reason. */
    void ensureChangeable() {
        if (packingStartedAt != null) {
            throw new OrderNotChangeable(number, "packing started at " + packingStartedAt + "; changes are closed");
        }
        if (status == OrderStatus.CANCELLED) {
            throw new OrderNotChangeable(number, "the order is cancelled");
        }
        if (status != OrderStatus.PLACED) {
            throw new OrderNotChangeable(
                    number,
                    "the order is already " + status.name().toLowerCase().replace('_', ' '));
        }
    }

    void addLine(OrderLine line) {
        lines.add(line);
        refreshStatus();
    }

    void changeShippingAddress(ShippingAddress address) {
        this.shipTo = address;
    }

    void changeQuantity(OrderLine line, int quantity) {
        line.changeQuantityTo(quantity);
        refreshStatus();
    }

    void cancel() {
        lines.forEach(OrderLine::cancelRemaining);
        refreshStatus();
    }

    /** Closes the edit window: called when the first location starts packing. Idempotent. */
    boolean startPacking(Instant at) {
        if (packingStartedAt != null) {
            return false;
        }
        if (status == OrderStatus.CANCELLED) {
            throw new OrderNotChangeable(number, "the order is cancelled and cannot be packed");
        }
        packingStartedAt = at;
        refreshStatus();
        return true;
    }

    void ship(UUID lineId, int quantity) {
        line(lineId)
                .orElseThrow(() -> new IllegalArgumentException("Order " + number + " has no line " + lineId))
                .ship(quantity);
        refreshStatus();
    }

    int deliver(UUID lineId, int quantity) {
        int counted = line(lineId)
                .orElseThrow(() -> new IllegalArgumentException("Order " + number + " has no line " + lineId))
                .deliver(quantity);
        refreshStatus();
        return counted;
    }

    /** Applies a return step to some of the order's lines (see {@link OrderLine#requestReturn} and the like). */
    void applyToLines(
            java.util.Map<UUID, Integer> quantitiesByLine, java.util.function.ObjIntConsumer<OrderLine> step) {
        quantitiesByLine.forEach((lineId, quantity) -> step.accept(
                line(lineId).orElseThrow(() -> new InvalidOrder("Order " + number + " has no line " + lineId)),
                quantity));
        refreshStatus();
    }

    void markPayment(PaymentStatus paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    void refreshStatus() {
        List<LineQuantities> quantities =
                lines.stream().map(OrderLine::quantities).toList();
        status = OrderStatus.derive(quantities, packingStartedAt != null);
        paymentStatus = DerivedStatuses.paymentStatus(paymentStatus, LineQuantities.sum(quantities));
    }

    /** Publishes an event when this aggregate is saved (inside the same transaction). */
    <T> T publish(T event) {
        registerEvent(event);
        return event;
    }
}
