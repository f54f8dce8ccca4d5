package org.aftercart.integrations.shopify;

import static org.aftercart.integrations.shopify.ShopifyOrderMapping.sku;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.integrations.shopify.ShopifyOrderLinks.Link;
import org.aftercart.integrations.shopify.ShopifyOrderMapping.Mapped;
import org.aftercart.integrations.shopify.ShopifyPayloads.Delta;
import org.aftercart.integrations.shopify.ShopifyPayloads.Fulfillment;
import org.aftercart.integrations.shopify.ShopifyPayloads.LineItem;
import org.aftercart.integrations.shopify.ShopifyPayloads.Order;
import org.aftercart.integrations.shopify.ShopifyPayloads.OrderEdit;
import org.aftercart.integrations.shopify.ShopifyPayloads.Payload;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Applies a Shopify delivery to Aftercart through the public APIs of orders and catalog. Runs in
 * the caller's transaction, so one receipt is applied wholly or not at all. Every order-carrying
 * topic is treated as "this is the order now": what changed and the model supports is applied, what
 * it does not support is recorded as not applied.
 */
@Service
class ShopifyOrderSync {

    /** The actor named in the order journal for everything Shopify reports. */
    static final String ACTOR = "shopify";

    /** A delivery about an order Aftercart has not taken yet: worth retrying once the order arrives. */
    static final class OrderNotYetKnown extends RuntimeException {
        OrderNotYetKnown(String message) {
            super(message);
        }
    }

    private final OrderManagement orders;
    private final Catalog catalog;
    private final ShopifyOrderLinks links;
    private final org.aftercart.fulfillment.Fulfillment shipments;

    ShopifyOrderSync(
            OrderManagement orders,
            Catalog catalog,
            ShopifyOrderLinks links,
            org.aftercart.fulfillment.Fulfillment shipments) {
        this.orders = orders;
        this.catalog = catalog;
        this.links = links;
        this.shipments = shipments;
    }

    Outcome apply(ShopifyTopic topic, Payload payload) {
        Outcome outcome = new Outcome();
        if (payload instanceof Order order) {
            if (topic == ShopifyTopic.ORDERS_CREATE) {
                create(order, outcome);
            } else {
                update(topic, order, outcome);
            }
        } else if (payload instanceof OrderEdit edit) {
            edited(edit, outcome);
        } else if (payload instanceof Fulfillment fulfillment) {
            fulfillment(topic, fulfillment, outcome);
        }
        return outcome;
    }

    private void create(Order order, Outcome outcome) {
        Optional<Link> known = links.find(order.orderId());
        if (known.isPresent()) {
            OrderView view = view(known.get());
            outcome.order(view.id());
            outcome.note("Shopify order " + order.orderId() + " is already order " + view.number() + "; nothing to do");
            return;
        }
        place(order, outcome);
    }

    private void update(ShopifyTopic topic, Order order, Outcome outcome) {
        boolean cancelled = topic == ShopifyTopic.ORDERS_CANCELLED || order.cancelledAt() != null;
        Optional<Link> known = links.find(order.orderId());
        if (known.isEmpty()) {
            OrderView view = place(order, outcome);
            outcome.note("Shopify order " + order.orderId() + " was not known yet; taken from this " + topic.header());
            if (cancelled) {
                cancel(view, order, outcome);
            }
            return;
        }
        Link link = known.get();
        OrderView view = view(link);
        outcome.order(view.id());
        Instant updatedAt = updatedAt(order);
        if (updatedAt != null && link.lastUpdatedAt() != null && updatedAt.isBefore(link.lastUpdatedAt())) {
            outcome.note("this order state (updated_at " + updatedAt + ") is older than the one already applied ("
                    + link.lastUpdatedAt() + "); only a cancellation is taken from it");
        } else {
            view = payment(topic, view, order, outcome);
            view = shippingAddress(view, order, outcome);
            view = quantities(view, order, links.lines(link.shopifyOrderId()), outcome);
            links.applied(link.shopifyOrderId(), updatedAt);
        }
        if (cancelled) {
            cancel(view, order, outcome);
        } else {
            compareTotals(view, order, outcome);
        }
    }

    private OrderView place(Order order, Outcome outcome) {
        Mapped mapped = ShopifyOrderMapping.toPlaceOrder(order);
        addUnknownSkusToCatalog(mapped, outcome);
        OrderView view = orders.place(mapped.command());
        links.link(order.orderId(), view.id(), updatedAt(order), lineLinks(mapped.items(), view, outcome));
        outcome.order(view.id());
        outcome.applied("taken as order " + view.number() + " (" + view.channel() + ", "
                + view.lines().size() + " line(s), payment " + view.paymentStatus() + ", total " + view.total() + ")");
        outcome.notes(mapped.notes());
        return view;
    }

    /** Shopify is the source of products for its orders: a SKU the catalog lacks is added from the line. */
    private void addUnknownSkusToCatalog(Mapped mapped, Outcome outcome) {
        String currency = mapped.command().currency();
        Map<String, ProductVariant> known = catalog.findBySkus(
                mapped.items().stream().map(ShopifyOrderMapping::sku).distinct().toList());
        Set<String> added = new HashSet<>();
        for (LineItem item : mapped.items()) {
            String sku = sku(item);
            if (!known.containsKey(sku) && added.add(sku)) {
                catalog.upsert(ShopifyOrderMapping.variant(item, currency));
                outcome.applied("added SKU " + sku + " to the catalog from Shopify line item " + item.lineItemId());
            }
        }
    }

    /** Pairs line items with the lines they became: by position, else by the first free line of the SKU. */
    private static Map<Long, UUID> lineLinks(List<LineItem> items, OrderView view, Outcome outcome) {
        Map<Long, UUID> linked = new LinkedHashMap<>();
        List<OrderView.Line> free = new ArrayList<>(view.lines());
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            String sku = sku(item);
            OrderView.Line candidate = i < view.lines().size() ? view.lines().get(i) : null;
            OrderView.Line match = candidate != null && candidate.sku().equals(sku) && free.contains(candidate)
                    ? candidate
                    : free.stream()
                            .filter(line -> line.sku().equals(sku))
                            .findFirst()
                            .orElse(null);
            if (match == null) {
                outcome.note(
                        "line item " + item.lineItemId() + " (" + sku + ") matches no line of order " + view.number());
                continue;
            }
            free.remove(match);
            linked.put(item.lineItemId(), match.id());
        }
        return linked;
    }

    private OrderView payment(ShopifyTopic topic, OrderView view, Order order, Outcome outcome) {
        Optional<PaymentStatus> reported = ShopifyOrderMapping.paymentStatus(order.financialStatus());
        PaymentStatus wanted;
        if (topic == ShopifyTopic.ORDERS_PAID
                && reported.map(s -> s == PaymentStatus.PENDING || s == PaymentStatus.AUTHORIZED)
                        .orElse(true)) {
            wanted = PaymentStatus.PAID;
        } else if (reported.isPresent()) {
            wanted = reported.get();
        } else {
            if (order.financialStatus() != null) {
                outcome.notApplied("financial_status '" + order.financialStatus() + "' is not known");
            }
            return view;
        }
        if (wanted == view.paymentStatus()) {
            return view;
        }
        orders.recordPaymentStatus(view.id(), wanted, ACTOR);
        outcome.applied("payment status " + view.paymentStatus() + " → " + wanted);
        return reload(view);
    }

    private OrderView shippingAddress(OrderView view, Order order, Outcome outcome) {
        ShippingAddress wanted = ShopifyOrderMapping.address(order.shippingAddress());
        if (wanted == null || wanted.equals(view.shipTo())) {
            return view;
        }
        if (!view.changeable()) {
            outcome.notApplied("shipping address change to " + wanted + ": " + closed(view));
            return view;
        }
        OrderView changed = orders.applyChannelChange(view.id(), new OrderChange.ChangeShippingAddress(wanted), ACTOR);
        outcome.applied("shipping address changed to " + wanted);
        return changed;
    }

    /** Brings line quantities to Shopify's current ones, while the order is still changeable. */
    private OrderView quantities(OrderView view, Order order, Map<Long, UUID> lineIds, Outcome outcome) {
        Map<UUID, OrderView.Line> ours =
                view.lines().stream().collect(Collectors.toMap(OrderView.Line::id, Function.identity()));
        List<OrderChange> changes = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        Set<UUID> emptied = new HashSet<>();
        for (LineItem item : order.lines()) {
            int wanted = Math.max(item.wanted(), 0);
            UUID lineId = lineIds.get(item.lineItemId());
            OrderView.Line line = lineId == null ? null : ours.get(lineId);
            if (line == null) {
                if (wanted > 0) {
                    outcome.notApplied("line item " + item.lineItemId() + " (" + sku(item) + " × " + wanted
                            + ") is not on order " + view.number() + "; adding items from Shopify is not supported");
                }
                continue;
            }
            int active = line.quantities().active();
            if (wanted == active) {
                continue;
            }
            if (active == 0) {
                outcome.notApplied("line " + line.sku() + " was removed from order " + view.number()
                        + "; putting it back (× " + wanted + ") is not supported");
                continue;
            }
            changes.add(
                    wanted == 0
                            ? new OrderChange.RemoveItem(line.id())
                            : new OrderChange.ChangeQuantity(line.id(), wanted));
            descriptions.add(line.sku() + " " + active + " → " + wanted);
            if (wanted == 0) {
                emptied.add(line.id());
            }
        }
        if (changes.isEmpty()) {
            return view;
        }
        String summary = "quantities " + String.join(", ", descriptions);
        if (!view.changeable()) {
            outcome.notApplied(summary + ": " + closed(view));
            return view;
        }
        boolean somethingLeft =
                view.lines().stream().anyMatch(line -> line.quantities().active() > 0 && !emptied.contains(line.id()));
        if (!somethingLeft) {
            outcome.notApplied(summary + ": that would empty order " + view.number()
                    + "; a Shopify order is cancelled by orders/cancelled, not emptied");
            return view;
        }
        for (OrderChange change : changes) {
            view = orders.applyChannelChange(view.id(), change, ACTOR);
        }
        outcome.applied(summary);
        return view;
    }

    private void cancel(OrderView view, Order order, Outcome outcome) {
        if (view.status() == OrderStatus.CANCELLED) {
            outcome.note("order " + view.number() + " is already cancelled");
            return;
        }
        String reason =
                "Cancelled in Shopify" + (order.cancelReason() == null ? "" : " (" + order.cancelReason() + ")");
        if (!view.changeable()) {
            outcome.notApplied("cancellation: " + closed(view));
            return;
        }
        orders.applyChannelCancellation(view.id(), reason, ACTOR);
        outcome.applied(reason.toLowerCase(Locale.ROOT));
    }

    private static void compareTotals(OrderView view, Order order, Outcome outcome) {
        if (order.totalPrice() == null) {
            return;
        }
        try {
            Money charged = ShopifyOrderMapping.money(
                    order.totalPrice(), view.total().currency().getCurrencyCode(), "total_price");
            if (!charged.equals(view.total())) {
                outcome.note("order total " + view.total() + " differs from Shopify's total_price " + charged
                        + "; shipping, tax and discounts are taken when the order is placed, not from updates");
            }
        } catch (ShopifyRefusal unreadable) {
            outcome.note(unreadable.getMessage());
        }
    }

    /** Order edits carry only deltas; the orders/updated Shopify sends for the same edit carries the result. */
    private void edited(OrderEdit edit, Outcome outcome) {
        long shopifyOrderId = edit.orderId() == null ? 0 : edit.orderId();
        Optional<Link> known = links.find(shopifyOrderId);
        Map<UUID, String> skus = new LinkedHashMap<>();
        Map<Long, UUID> lineIds = Map.of();
        if (known.isPresent()) {
            OrderView view = view(known.get());
            outcome.order(view.id());
            view.lines().forEach(line -> skus.put(line.id(), line.sku()));
            lineIds = links.lines(shopifyOrderId);
        }
        List<String> changes = new ArrayList<>();
        var lineItems = edit.lineItems();
        if (lineItems != null) {
            describe(lineItems.additions(), "+", lineIds, skus, changes);
            describe(lineItems.removals(), "−", lineIds, skus, changes);
        }
        String what = "order edit " + edit.id() + " of Shopify order " + shopifyOrderId
                + (changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
        outcome.note(
                known.isPresent()
                        ? what + " is taken from the orders/updated that Shopify sends with the edited order;"
                                + " its deltas are not applied on their own"
                        : what
                                + ": the order is not known yet; it is taken whole from its orders/create or orders/updated");
    }

    private static void describe(
            @Nullable List<Delta> deltas,
            String sign,
            Map<Long, UUID> lineIds,
            Map<UUID, String> skus,
            List<String> into) {
        if (deltas == null) {
            return;
        }
        for (Delta delta : deltas) {
            if (delta == null || delta.id() == null) {
                continue;
            }
            UUID lineId = lineIds.get(delta.id());
            String sku = lineId == null ? null : skus.get(lineId);
            into.add(sign + (delta.delta() == null ? "?" : delta.delta()) + " × line item " + delta.id()
                    + (sku == null ? "" : " (" + sku + ")"));
        }
    }

    /**
     * A parcel the storefront shipped itself: recorded once per Shopify fulfillment id through the
     * fulfillment module, which moves the units to shipped and takes them out of stock. Cancelled
     * and failed fulfillments are not recorded; later tracking updates of a recorded parcel are
     * noted, not applied.
     */
    private void fulfillment(ShopifyTopic topic, Fulfillment fulfillment, Outcome outcome) {
        long shopifyOrderId = fulfillment.orderId() == null ? 0 : fulfillment.orderId();
        Link link = links.find(shopifyOrderId)
                .orElseThrow(() -> new OrderNotYetKnown("Fulfillment " + fulfillment.id() + " is for Shopify order "
                        + shopifyOrderId + ", which is not known yet"));
        OrderView view = view(link);
        outcome.order(view.id());
        if (List.of("cancelled", "error", "failure").contains(fulfillment.status())) {
            outcome.notApplied("fulfillment " + fulfillment.id() + " has status " + fulfillment.status()
                    + "; nothing shipped is recorded");
            return;
        }
        Map<Long, UUID> lineIds = links.lines(shopifyOrderId);
        Map<UUID, Integer> quantities = new java.util.LinkedHashMap<>();
        for (LineItem item : fulfillment.lines()) {
            UUID lineId = lineIds.get(item.lineItemId());
            int quantity = item.quantity() == null ? 0 : item.quantity();
            if (lineId == null || quantity <= 0) {
                outcome.note("fulfilled line item " + item.lineItemId() + " (" + sku(item) + ") is not on order "
                        + view.number());
                continue;
            }
            quantities.merge(lineId, quantity, Integer::sum);
        }
        if (quantities.isEmpty()) {
            outcome.notApplied("fulfillment " + fulfillment.id() + " names no line of order " + view.number());
            return;
        }
        String carrier = fulfillment.trackingCompany() == null ? "unknown carrier" : fulfillment.trackingCompany();
        String trackingNumber = fulfillment.numbers().isEmpty() ? null : String.join(" ", fulfillment.numbers());
        try {
            var parcel = shipments.recordChannelShipment(
                    view.id(),
                    "shopify-fulfillment:" + shopifyOrderId + ":" + fulfillment.id(),
                    carrier,
                    trackingNumber,
                    quantities,
                    "shopify");
            if (parcel.isPresent()) {
                outcome.applied(
                        "recorded fulfillment " + fulfillment.id() + " of order " + view.number() + " as a parcel with "
                                + carrier + (trackingNumber == null ? "" : " " + trackingNumber) + ", "
                                + quantities.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum() + " unit(s)");
            } else {
                outcome.notApplied("fulfillment " + fulfillment.id() + " was recorded before"
                        + (topic == ShopifyTopic.FULFILLMENTS_UPDATE ? "; tracking updates are not applied yet" : ""));
            }
        } catch (org.aftercart.fulfillment.FulfillmentProblem e) {
            outcome.notApplied("fulfillment " + fulfillment.id() + " not recorded: " + e.getMessage());
        }
    }

    private OrderView view(Link link) {
        return orders.find(link.orderId())
                .orElseThrow(() -> new IllegalStateException(
                        "Shopify order " + link.shopifyOrderId() + " is linked to missing order " + link.orderId()));
    }

    private OrderView reload(OrderView view) {
        return orders.find(view.id()).orElseThrow();
    }

    private static String closed(OrderView view) {
        return "order " + view.number() + " is "
                + view.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (view.packingStartedAt() == null ? "" : ", packing started at " + view.packingStartedAt())
                + "; changes are closed";
    }

    private static @Nullable Instant updatedAt(Order order) {
        return order.updatedAt() == null ? null : order.updatedAt().toInstant();
    }
}
