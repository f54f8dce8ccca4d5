package org.aftercart.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderChange.AddItem;
import org.aftercart.orders.OrderChange.ChangeQuantity;
import org.aftercart.orders.OrderChange.ChangeShippingAddress;
import org.aftercart.orders.OrderChange.ChangeVariant;
import org.aftercart.orders.OrderChange.RemoveItem;
import org.aftercart.platform.AfterCommit;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders module's application service: takes orders from every channel, applies changes and
 * cancellations inside the edit window, and records what fulfilment and payments report.
 */
@Service
public class OrderManagement {

    /** A change that loses an optimistic-lock race is tried again on fresh state, at most this often. */
    private static final int ATTEMPTS = 3;

    private final OrderRepository orders;
    private final NewOrders newOrders;
    private final ApplicationEventPublisher events;
    private final ChangeJournal journal;
    private final OrderSearch search;
    private final Catalog catalog;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    OrderManagement(
            OrderRepository orders,
            NewOrders newOrders,
            ApplicationEventPublisher events,
            ChangeJournal journal,
            OrderSearch search,
            Catalog catalog,
            Customers customers,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            Clock clock) {
        this.orders = orders;
        this.newOrders = newOrders;
        this.events = events;
        this.journal = journal;
        this.search = search;
        this.catalog = catalog;
        this.customers = customers;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Orders placed in [from, to) per day in {@code zone} (index orders_placed_at_idx); days without
     * any are left out.
     */
    @Transactional(readOnly = true)
    public List<OrdersOnDay> ordersPerDay(Instant from, Instant to, ZoneId zone) {
        return jdbc.sql(
                        """
                        select (placed_at at time zone :zone)::date as day, count(*) as orders
                        from orders.orders where placed_at >= :from and placed_at < :to
                        group by 1 order by 1
                        """)
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new OrdersOnDay(rs.getObject("day", LocalDate.class), rs.getLong("orders")))
                .list();
    }

    /**
     * Takes an order. A channel that sends the same external reference twice gets the first order
     * back instead of a second one.
     */
    @Transactional
    public OrderView place(PlaceOrder command) {
        return place(command, null);
    }

    /**
     * Takes an order that a store's counter hands over at once, such as the replacement of an
     * exchange taken from the shelf: placed with channel {@link SalesChannel#STORE}, its edit window
     * closed, and every unit fulfilled, shipped and delivered in the same transaction. Its units leave
     * that location's stock (fulfillment listens to {@link OrderPlaced#handedOverAt()}); no fulfilment
     * order, no parcel, no shipping message. Runs in the caller's transaction. The same external
     * reference gives the first order back.
     */
    @Transactional
    public OrderView handOverAtCounter(PlaceOrder command, String locationCode, String actor) {
        if (command.channel() != SalesChannel.STORE) {
            throw new InvalidOrder("Only a store hands an order over at its counter, not " + command.channel());
        }
        if (locationCode.isBlank()) {
            throw new InvalidOrder("An order handed over at a counter needs the store's location code");
        }
        if (command.externalRef() != null) {
            Optional<Order> known =
                    orders.findByChannelAndExternalRef(command.channel().name(), command.externalRef());
            if (known.isPresent()) {
                return OrderView.of(known.get());
            }
        }
        OrderView placed = place(command, locationCode);
        Order order = load(placed.id());
        Instant now = clock.instant();
        order.startPacking(now);
        order.lines().forEach(line -> {
            order.ship(line.id(), line.quantities().ordered());
            order.deliver(line.id(), line.quantities().ordered());
        });
        Order saved = orders.save(order);
        journal.append(
                saved.id(),
                new JournalEntry(
                        saved.version(),
                        ChangeKind.DELIVERED,
                        actor,
                        now,
                        "Handed over at the counter of " + locationCode + "; nothing to ship",
                        Money.zero(saved.currency())));
        return OrderView.of(saved);
    }

    private OrderView place(PlaceOrder command, @Nullable String handedOverAt) {
        if (command.externalRef() != null) {
            Optional<Order> known =
                    orders.findByChannelAndExternalRef(command.channel().name(), command.externalRef());
            if (known.isPresent()) {
                return OrderView.of(known.get());
            }
        }
        var currency = currencyOf(command.currency());
        if (command.lines().isEmpty()) {
            throw new InvalidOrder("An order needs at least one line");
        }
        Map<String, ProductVariant> variants = catalog.findBySkus(
                command.lines().stream().map(PlaceOrder.Line::sku).toList());
        List<OrderLine> lines = new ArrayList<>();
        for (PlaceOrder.Line requested : command.lines()) {
            requirePositive(requested.quantity(), requested.sku());
            ProductVariant variant = variants.get(requested.sku());
            if (variant == null) {
                throw new InvalidOrder("Unknown SKU '" + requested.sku() + "'");
            }
            BigDecimal unitPrice = requested.unitPrice() != null
                    ? money(requested.unitPrice(), command.currency(), "unit price of " + requested.sku())
                    : catalogPrice(variant, currency);
            String title = requested.title() != null ? requested.title() : variant.displayTitle();
            lines.add(OrderLine.of(variant.sku(), title, unitPrice, requested.quantity()));
        }
        CustomerId customerId = command.customer() == null ? null : customers.findOrRegister(command.customer());
        Instant placedAt = command.placedAt() != null ? command.placedAt() : clock.instant();
        Order order = new Order(
                UUID.randomUUID(),
                nextNumber(),
                command.channel(),
                command.externalRef(),
                customerId == null ? null : customerId.id(),
                command.customer() == null ? null : command.customer().email(),
                command.customer() == null ? null : command.customer().name(),
                currency.getCurrencyCode(),
                OrderStatus.PLACED,
                command.paymentStatus(),
                nonNegative(command.shipping(), command.currency(), "shipping"),
                nonNegative(command.tax(), command.currency(), "tax"),
                nonNegative(command.discount(), command.currency(), "discount"),
                command.shipTo(),
                placedAt,
                null,
                false,
                handedOverAt,
                lines,
                NewOrders.FIRST_VERSION);
        order.refreshStatus();
        newOrders.insert(order);
        // Not "created": Prometheus reserves the _created suffix and would strip it.
        Counter created = Counter.builder("aftercart.orders.placed")
                .description("Orders taken (committed), by sales channel; replays of a known order are not counted")
                .tag("channel", order.channel().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
        AfterCommit.run(created::increment);
        events.publishEvent(new OrderPlaced(
                order.id(),
                order.number(),
                order.channel(),
                customerId == null ? null : customerId.toString(),
                order.total(),
                order.paymentStatus(),
                snapshot(order),
                placedAt,
                handedOverAt));
        journal.append(
                order.id(),
                new JournalEntry(
                        order.version(),
                        ChangeKind.PLACED,
                        "channel:" + command.channel().name().toLowerCase(),
                        clock.instant(),
                        "Placed with " + lines.size() + " line(s), total " + order.total(),
                        order.total()));
        return OrderView.of(order);
    }

    public Optional<OrderView> find(OrderId id) {
        return orders.findById(id.id()).map(OrderView::of);
    }

    /**
     * The ids of every order of the customer, oldest first; the orders of an erased customer stay
     * theirs (anonymised), so other modules can still find what they hold for them.
     */
    public List<OrderId> idsOfCustomer(CustomerId customer) {
        return jdbc.sql("select id from orders.orders where customer_id = ? order by placed_at, id")
                .param(customer.id())
                .query((rs, row) -> new OrderId(rs.getObject(1, UUID.class)))
                .list();
    }

    public Optional<OrderView> findByNumber(String number) {
        return orders.findByNumber(number).map(OrderView::of);
    }

    /**
     * The order a guest proves with its number and the order's e-mail address or delivery postcode
     * (any case; postcode spaces and dashes ignored), for pages without sign-in. Empty when either
     * does not match, without saying which.
     */
    public Optional<OrderId> findForGuest(String number, String emailOrPostcode) {
        String wanted = emailOrPostcode.strip();
        if (number.isBlank() || wanted.isEmpty()) {
            return Optional.empty();
        }
        return findByNumber(number.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(order -> provenBy(order, wanted))
                .map(OrderView::id);
    }

    private static boolean provenBy(OrderView order, String contact) {
        if (contact.contains("@")) {
            return order.email() != null && order.email().strip().equalsIgnoreCase(contact);
        }
        String postcode = order.shipTo() == null ? null : order.shipTo().postcode();
        return postcode != null
                && !postcode.isBlank()
                && compactPostcode(postcode).equals(compactPostcode(contact));
    }

    private static String compactPostcode(String postcode) {
        return postcode.replaceAll("[\\s-]+", "").toUpperCase(java.util.Locale.ROOT);
    }

    public Optional<OrderView> findByChannelRef(SalesChannel channel, String externalRef) {
        return orders.findByChannelAndExternalRef(channel.name(), externalRef).map(OrderView::of);
    }

    /**
     * A page of orders, newest first. A non-blank query keeps the orders whose number or e-mail
     * address starts with it, or whose customer name has words starting with each of its words,
     * ignoring case.
     *
     * @param page zero-based
     * @param size at most 100 orders a page
     */
    public OrderSummaryPage search(String query, int page, int size) {
        return search.search(query, page, size);
    }

    public List<JournalEntry> journal(OrderId id) {
        return journal.of(id);
    }

    /**
     * Applies one change inside the edit window, journals it and publishes {@link OrderChanged} with
     * the price difference to settle. Refused with {@link OrderNotChangeable} once packing started.
     *
     * @param expectedVersion when given, the change is refused if the order moved on since the caller read it
     */
    public OrderView change(OrderId id, OrderChange change, String actor, @Nullable Long expectedVersion) {
        return change(id, change, actor, expectedVersion, false);
    }

    /**
     * Applies a change the sales channel already made and settled on its side (e.g. an edit in the
     * Shopify admin): same rules and journal, but payments only records the difference.
     */
    public OrderView applyChannelChange(OrderId id, OrderChange change, String actor) {
        return change(id, change, actor, null, true);
    }

    private OrderView change(
            OrderId id, OrderChange change, String actor, @Nullable Long expectedVersion, boolean settledByChannel) {
        return retryingOnConflict(() -> {
            Order order = load(id);
            ensureVersion(order, expectedVersion);
            order.ensureChangeable();
            Money before = order.total();
            String description = apply(order, change);
            ChangeKind kind = kindOf(change);
            Money difference = order.total().minus(before);
            Instant changedAt = clock.instant();
            order.publish(new OrderChanged(
                    order.id(),
                    order.number(),
                    order.version() + 1,
                    kind,
                    description,
                    difference,
                    snapshot(order),
                    settledByChannel,
                    changedAt));
            Order saved = orders.save(order);
            journal.append(
                    saved.id(), new JournalEntry(saved.version(), kind, actor, changedAt, description, difference));
            return OrderView.of(saved);
        });
    }

    /**
     * What a change would do, computed by the same rules as {@link #change} on the order as it is
     * now, without writing anything: for showing the price difference before the customer confirms.
     * Refused exactly as the change itself would be.
     *
     * @param expectedVersion when given, refused if the order moved on since the caller read it
     * @throws OrderNotChangeable after packing started, or when the version is stale
     * @throws InvalidOrder when the change itself is not valid (unknown line, quantity below 1, ...)
     */
    public ChangePreview previewChange(OrderId id, OrderChange change, @Nullable Long expectedVersion) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            Order order = load(id);
            ensureVersion(order, expectedVersion);
            order.ensureChangeable();
            long version = order.version();
            Money before = order.total();
            // The loaded aggregate is changed in memory only and never saved.
            String description = apply(order, change);
            return new ChangePreview(
                    id,
                    version,
                    kindOf(change),
                    description,
                    before,
                    order.total(),
                    order.total().minus(before));
        });
    }

    /** Cancels the whole order inside the edit window; everything paid becomes due back. */
    public OrderView cancel(OrderId id, String reason, String actor) {
        return cancel(id, reason, actor, null, false);
    }

    /**
     * Cancels the whole order inside the edit window, unless it moved on since the caller read it
     * at {@code expectedVersion} (a stale form).
     */
    public OrderView cancel(OrderId id, String reason, String actor, @Nullable Long expectedVersion) {
        return cancel(id, reason, actor, expectedVersion, false);
    }

    /**
     * A page of one customer's orders from every channel, newest first.
     *
     * @param page zero-based
     * @param size at most 100 orders a page
     */
    public OrderSummaryPage ofCustomer(CustomerId customer, int page, int size) {
        return search.ofCustomer(customer.id(), page, size);
    }

    /**
     * The number of orders and the latest order of each customer given that has any, in one query
     * answered by the index on (customer, placed at).
     */
    public java.util.Map<CustomerId, CustomerOrderStats> statsOfCustomers(java.util.Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<CustomerId, CustomerOrderStats> stats = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select distinct on (customer_id) customer_id, id, number, placed_at,
                               count(*) over (partition by customer_id) as orders
                        from orders.orders where customer_id = any(?)
                        order by customer_id, placed_at desc, id desc
                        """)
                .param(customers.stream().map(CustomerId::id).toArray(UUID[]::new))
                .query(rs -> {
                    stats.put(
                            new CustomerId(rs.getObject("customer_id", UUID.class)),
                            new CustomerOrderStats(
                                    rs.getLong("orders"),
                                    new OrderId(rs.getObject("id", UUID.class)),
                                    rs.getString("number"),
                                    rs.getTimestamp("placed_at").toInstant()));
                });
        return stats;
    }

    /** Records a cancellation the sales channel made and refunded on its side. */
    public OrderView applyChannelCancellation(OrderId id, String reason, String actor) {
        return cancel(id, reason, actor, null, true);
    }

    private OrderView cancel(
            OrderId id, String reason, String actor, @Nullable Long expectedVersion, boolean settledByChannel) {
        return retryingOnConflict(() -> {
            Order order = load(id);
            ensureVersion(order, expectedVersion);
            order.ensureChangeable();
            Money before = order.total();
            order.cancel();
            Money difference = before.negate();
            Instant cancelledAt = clock.instant();
            order.publish(new OrderCancelled(
                    order.id(),
                    order.number(),
                    order.version() + 1,
                    reason,
                    difference,
                    settledByChannel,
                    cancelledAt));
            Order saved = orders.save(order);
            journal.append(
                    saved.id(),
                    new JournalEntry(
                            saved.version(),
                            ChangeKind.CANCELLED,
                            actor,
                            cancelledAt,
                            "Cancelled: " + reason,
                            difference));
            return OrderView.of(saved);
        });
    }

    /**
     * Closes the edit window because a location starts packing. Must run in the caller's transaction
     * so that packing and the lock commit together; an optimistic-lock failure here means a change won
     * the race and the caller should try again.
     */
    @Transactional
    public void startPacking(OrderId id, String actor) {
        Order order = load(id);
        if (order.startPacking(clock.instant())) {
            Order saved = orders.save(order);
            journal.append(
                    saved.id(),
                    new JournalEntry(
                            saved.version(),
                            ChangeKind.PACKING_STARTED,
                            actor,
                            clock.instant(),
                            "Packing started; changes closed",
                            Money.zero(saved.currency())));
        }
    }

    /** Records units handed to a carrier: moves them to the fulfilled and shipped buckets. */
    @Transactional
    public void recordShipment(OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        Order order = load(id);
        quantitiesByLine.forEach(order::ship);
        Order saved = orders.save(order);
        journal.append(
                saved.id(),
                new JournalEntry(
                        saved.version(),
                        ChangeKind.SHIPPED,
                        actor,
                        clock.instant(),
                        description,
                        Money.zero(saved.currency())));
    }

    /**
     * Records units delivered to the customer, as the carrier reports a parcel delivered; units
     * already counted are not counted twice.
     */
    @Transactional
    public void recordDelivery(OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        Order order = load(id);
        int counted = quantitiesByLine.entrySet().stream()
                .mapToInt(line -> order.deliver(line.getKey(), line.getValue()))
                .sum();
        if (counted == 0) {
            return;
        }
        Order saved = orders.save(order);
        journal.append(
                saved.id(),
                new JournalEntry(
                        saved.version(),
                        ChangeKind.DELIVERED,
                        actor,
                        clock.instant(),
                        description,
                        Money.zero(saved.currency())));
    }

    /**
     * Records units a return request asks back (the return-requested bucket). Refused with {@link
     * InvalidOrder} beyond what a line can still return. Runs in the caller's transaction, so the
     * return and the buckets commit together.
     */
    @Transactional
    public void recordReturnRequested(
            OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        recordReturnStep(
                id, quantitiesByLine, ChangeKind.RETURN_REQUESTED, description, actor, OrderLine::requestReturn);
    }

    /** A return request was cancelled or rejected: its units leave the return-requested bucket. */
    @Transactional
    public void releaseReturnRequest(
            OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        recordReturnStep(
                id, quantitiesByLine, ChangeKind.RETURN_RELEASED, description, actor, OrderLine::releaseReturnRequest);
    }

    /**
     * Units asked back arrived, or the customer keeps them on a returnless refund: they move from
     * return requested to returned.
     */
    @Transactional
    public void recordReturned(OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        recordReturnStep(id, quantitiesByLine, ChangeKind.RETURNED, description, actor, OrderLine::receiveReturn);
    }

    /** Returned units were refunded to the original payment; the payment status follows. */
    @Transactional
    public void recordRefunded(OrderId id, Map<UUID, Integer> quantitiesByLine, String description, String actor) {
        recordReturnStep(id, quantitiesByLine, ChangeKind.REFUNDED, description, actor, OrderLine::refund);
    }

    private void recordReturnStep(
            OrderId id,
            Map<UUID, Integer> quantitiesByLine,
            ChangeKind kind,
            String description,
            String actor,
            java.util.function.ObjIntConsumer<OrderLine> step) {
        if (quantitiesByLine.isEmpty()) {
            return;
        }
        Order order = load(id);
        order.applyToLines(quantitiesByLine, step);
        Order saved = orders.save(order);
        journal.append(
                saved.id(),
                new JournalEntry(
                        saved.version(), kind, actor, clock.instant(), description, Money.zero(saved.currency())));
    }

    /** Records how far the order is paid, as the channel or the payment provider reports it. */
    @Transactional
    public void recordPaymentStatus(OrderId id, PaymentStatus status, String actor) {
        Order order = load(id);
        if (order.paymentStatus() == status) {
            return;
        }
        order.markPayment(status);
        Order saved = orders.save(order);
        journal.append(
                saved.id(),
                new JournalEntry(
                        saved.version(),
                        ChangeKind.PAYMENT_UPDATED,
                        actor,
                        clock.instant(),
                        "Payment " + status.name().toLowerCase().replace('_', ' '),
                        Money.zero(saved.currency())));
    }

    private String apply(Order order, OrderChange change) {
        return switch (change) {
            case ChangeShippingAddress c -> {
                order.changeShippingAddress(c.address());
                yield "Shipping address changed to " + c.address();
            }
            case ChangeQuantity c -> {
                OrderLine line = activeLine(order, c.lineId());
                requirePositive(c.quantity(), line.sku());
                int before = line.quantities().active();
                order.changeQuantity(line, c.quantity());
                yield "Quantity of " + line.sku() + " changed from " + before + " to " + c.quantity();
            }
            case RemoveItem c -> {
                OrderLine line = activeLine(order, c.lineId());
                if (order.lines().stream()
                                .filter(l -> l.quantities().active() > 0)
                                .count()
                        == 1) {
                    throw new InvalidOrder("Removing the last item would empty the order; cancel the order instead");
                }
                order.changeQuantity(line, 0);
                yield "Removed " + line.sku();
            }
            case AddItem c -> {
                requirePositive(c.quantity(), c.sku());
                ProductVariant variant = variant(c.sku());
                order.addLine(OrderLine.of(
                        variant.sku(), variant.displayTitle(), catalogPrice(variant, order.currency()), c.quantity()));
                yield "Added " + c.quantity() + " × " + variant.sku();
            }
            case ChangeVariant c -> {
                OrderLine line = activeLine(order, c.lineId());
                ProductVariant current = variant(line.sku());
                ProductVariant replacement = variant(c.newSku());
                if (!replacement.productId().equals(current.productId())) {
                    throw new InvalidOrder("SKU '" + c.newSku() + "' is not a variant of the same product as '"
                            + line.sku() + "'; remove the line and add the item instead");
                }
                int quantity = line.quantities().active();
                order.changeQuantity(line, 0);
                order.addLine(OrderLine.of(
                        replacement.sku(),
                        replacement.displayTitle(),
                        catalogPrice(replacement, order.currency()),
                        quantity));
                yield "Variant " + line.sku() + " changed to " + replacement.sku();
            }
        };
    }

    private static ChangeKind kindOf(OrderChange change) {
        return switch (change) {
            case ChangeShippingAddress c -> ChangeKind.SHIPPING_ADDRESS_CHANGED;
            case ChangeQuantity c -> ChangeKind.QUANTITY_CHANGED;
            case RemoveItem c -> ChangeKind.ITEM_REMOVED;
            case AddItem c -> ChangeKind.ITEM_ADDED;
            case ChangeVariant c -> ChangeKind.VARIANT_CHANGED;
        };
    }

    private OrderLine activeLine(Order order, UUID lineId) {
        OrderLine line = order.line(lineId)
                .orElseThrow(() -> new InvalidOrder("Order " + order.number() + " has no line " + lineId));
        if (line.quantities().active() == 0) {
            throw new InvalidOrder("Line " + line.sku() + " of order " + order.number() + " is already removed");
        }
        return line;
    }

    private ProductVariant variant(String sku) {
        return catalog.findBySku(sku)
                .filter(ProductVariant::active)
                .orElseThrow(() -> new InvalidOrder("Unknown SKU '" + sku + "'"));
    }

    private static void ensureVersion(Order order, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new OrderNotChangeable(
                    order.number(),
                    "it was changed meanwhile (version " + order.version() + ", you had " + expectedVersion
                            + "); reload and try again");
        }
    }

    private Order load(OrderId id) {
        return orders.findById(id.id()).orElseThrow(() -> new OrderNotFound(id.toString()));
    }

    private <T> T retryingOnConflict(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String nextNumber() {
        return "AC-"
                + jdbc.sql("select nextval('orders.order_number_seq')")
                        .query(Long.class)
                        .single();
    }

    static List<OrderLineSnapshot> snapshot(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLineSnapshot(
                        line.id(),
                        line.sku(),
                        new Money(line.unitPrice(), order.currency()),
                        line.quantities().active(),
                        line.quantities().unshipped()))
                .toList();
    }

    private static java.util.Currency currencyOf(String code) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidOrder(e.getMessage());
        }
    }

    private static BigDecimal catalogPrice(ProductVariant variant, java.util.Currency currency) {
        if (!variant.price().currency().equals(currency)) {
            throw new InvalidOrder("SKU '" + variant.sku() + "' is priced in "
                    + variant.price().currency() + ", not " + currency + "; send unitPrice for it");
        }
        return variant.price().amount();
    }

    private static BigDecimal money(BigDecimal amount, String currency, String what) {
        if (amount.signum() < 0) {
            throw new InvalidOrder("The " + what + " cannot be negative");
        }
        try {
            return Money.of(amount, currency).amount();
        } catch (IllegalArgumentException e) {
            throw new InvalidOrder("The " + what + " is not a valid amount: " + e.getMessage());
        }
    }

    private static BigDecimal nonNegative(@Nullable BigDecimal amount, String currency, String what) {
        return amount == null ? BigDecimal.ZERO : money(amount, currency, what);
    }

    private static void requirePositive(int quantity, String sku) {
        if (quantity <= 0) {
            throw new InvalidOrder("Quantity of '" + sku + "' must be at least 1, got " + quantity);
        }
    }
}
