package org.aftercart.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.ShipParcels;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.offers.ThankYouLinks;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.ApiKeys;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.TrackingLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo store on start-up. Every step is idempotent, so restarting the demo keeps what
 * is there and adds nothing twice.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication // not when the same build runs a command-line import
class DemoStore implements ApplicationRunner {

    static final String ADMIN = "admin@aftercart.demo";
    static final String PASSWORD = "aftercart-demo";
    static final String API_KEY = "ak_demo_aftercart";

    private static final Logger log = LoggerFactory.getLogger(DemoStore.class);

    private final StaffAccounts staff;
    private final ApiKeys apiKeys;
    private final Inventory inventory;
    private final Catalog catalog;
    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final DemoHistory history;
    private final TrackingIntake trackingIntake;
    private final TrackingLinks trackingLinks;
    private final DemoReturns returns;
    private final DemoConversations conversations;
    private final DemoOffers offers;
    private final ThankYouLinks thankYouLinks;
    private final Clock clock;

    DemoStore(
            StaffAccounts staff,
            ApiKeys apiKeys,
            Inventory inventory,
            Catalog catalog,
            OrderManagement orders,
            Fulfillment fulfillment,
            DemoHistory history,
            TrackingIntake trackingIntake,
            TrackingLinks trackingLinks,
            DemoReturns returns,
            DemoConversations conversations,
            DemoOffers offers,
            ThankYouLinks thankYouLinks,
            Clock clock) {
        this.staff = staff;
        this.apiKeys = apiKeys;
        this.inventory = inventory;
        this.catalog = catalog;
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.history = history;
        this.trackingIntake = trackingIntake;
        this.trackingLinks = trackingLinks;
        this.returns = returns;
        this.conversations = conversations;
        this.offers = offers;
        this.thankYouLinks = thankYouLinks;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.createIfMissing(ADMIN, "Alex Admin", PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
        staff.createIfMissing("agent@aftercart.demo", "Sam Agent", PASSWORD, Set.of(StaffAccounts.Role.AGENT));
        staff.createIfMissing("store@aftercart.demo", "Robin Store", PASSWORD, Set.of(StaffAccounts.Role.ASSOCIATE));
        staff.createIfMissing("analyst@aftercart.demo", "Kim Analyst", PASSWORD, Set.of(StaffAccounts.Role.ANALYST));
        apiKeys.register("demo", API_KEY);
        inventory.defineLocation(new Location("MAIN", "London warehouse", Location.Kind.WAREHOUSE, "GB", 10));
        inventory.defineLocation(new Location("MANCHESTER", "Manchester store", Location.Kind.STORE, "GB", 50));

        history.importOnce();
        offers.addOnce();

        List<ProductVariant> products = catalog.list(0, 1000).stream()
                .filter(variant -> variant.price().currency().getCurrencyCode().equals("GBP"))
                .filter(variant -> variant.price().isPositive())
                .limit(60)
                .toList();
        if (products.size() < 26) {
            log.warn("Demo catalogue has only {} products; skipping live demo orders", products.size());
            return;
        }
        if (orders.findByChannelRef(SalesChannel.WEB, "demo-1").isEmpty()) {
            for (int i = 0; i < products.size(); i++) {
                inventory.setOnHand("MAIN", products.get(i).sku(), i % 7 == 0 ? 1 : 40);
                inventory.setOnHand("MANCHESTER", products.get(i).sku(), i % 2 == 0 ? 6 : 0);
            }
            placeLiveOrders(products);
            log.info("Demo store ready: sign in as {} / {}", ADMIN, PASSWORD);
        }
        for (String ref : List.of("demo-8", "demo-9")) {
            orders.findByChannelRef(SalesChannel.WEB, ref)
                    .ifPresent(order -> log.info(
                            "Demo tracking page of order {}: {}", order.number(), trackingLinks.linkFor(order.id())));
        }
        // the page a storefront sends the customer to after checkout, with the demo's offer
        orders.findByChannelRef(SalesChannel.WEB, "demo-1")
                .ifPresent(order -> log.info(
                        "Demo thank-you page of order {}: {}", order.number(), thankYouLinks.linkFor(order.id())));
    }

    /**
     * What the carriers said about the shipped demo parcels, so that the tracking page has
     * something to show: one parcel out for delivery, one delivered, one running late.
     */
    private void carrierNews(String shipped, String split) {
        Instant now = clock.instant();
        EventLocation london = new EventLocation("London", null, null, "GB");
        EventLocation midlands = new EventLocation("Birmingham", null, null, "GB");
        EventLocation york = new EventLocation("York", null, null, "GB");
        EventLocation manchester = new EventLocation("Manchester", null, null, "GB");
        EventLocation oxford = new EventLocation("Oxford", null, null, "GB");
        trackingIntake.accept(
                "demo",
                null,
                List.of(
                        new CarrierReport(
                                "canonical",
                                "Royal Mail",
                                shipped,
                                null,
                                List.of(
                                        event(now.minus(Duration.ofMinutes(95)), "IN_TRANSIT", "Collected", london),
                                        event(
                                                now.minus(Duration.ofMinutes(50)),
                                                "IN_TRANSIT",
                                                "Arrived at the sorting centre",
                                                midlands),
                                        event(
                                                now.minus(Duration.ofMinutes(5)),
                                                "OUT_FOR_DELIVERY",
                                                "Out for delivery with your local postie",
                                                york))),
                        new CarrierReport(
                                "canonical",
                                "Royal Mail",
                                split,
                                null,
                                List.of(
                                        event(now.minus(Duration.ofMinutes(100)), "IN_TRANSIT", "Collected", london),
                                        event(
                                                now.minus(Duration.ofMinutes(40)),
                                                "OUT_FOR_DELIVERY",
                                                "Out for delivery",
                                                oxford),
                                        event(
                                                now.minus(Duration.ofMinutes(2)),
                                                "DELIVERED",
                                                "Delivered, signed for by D. Hodgkin",
                                                oxford))),
                        new CarrierReport(
                                "canonical",
                                "DPD",
                                split + "-2",
                                null,
                                List.of(
                                        event(now.minus(Duration.ofMinutes(90)), "IN_TRANSIT", "Collected", manchester),
                                        event(
                                                now.minus(Duration.ofMinutes(20)),
                                                "DELAYED",
                                                "Delayed at the hub: we will deliver as soon as possible",
                                                midlands)))));
    }

    private static CarrierEvent event(Instant at, String status, String description, EventLocation where) {
        return new CarrierEvent(at, status, null, description, where);
    }

    private void placeLiveOrders(List<ProductVariant> p) {
        OrderView waiting = place(
                1, SalesChannel.WEB, "Ada Lovelace", "ada@example.org", "London", "NW1 6XE", p.get(1), 2, p.get(2), 1);
        place(
                2,
                SalesChannel.PHONE,
                "Mary Seacole",
                "mary@example.org",
                "Bristol",
                "BS1 4DJ",
                p.get(3),
                1,
                p.get(4),
                3);
        place(
                3,
                SalesChannel.MARKETPLACE,
                "Isambard Brunel",
                "isambard@example.org",
                "Bath",
                "BA1 1LT",
                p.get(5),
                4,
                p.get(6),
                1);

        OrderView changed = place(
                4,
                SalesChannel.WEB,
                "Rosalind Franklin",
                "rosalind@example.org",
                "Cambridge",
                "CB2 1TN",
                p.get(8),
                1,
                p.get(9),
                2);
        orders.change(
                changed.id(),
                new OrderChange.ChangeQuantity(changed.lines().get(1).id(), 4),
                "customer",
                null);
        orders.change(
                changed.id(),
                new OrderChange.ChangeShippingAddress(new ShippingAddress(
                        "Rosalind Franklin", "2 Free School Lane", null, "Cambridge", "CB2 3QH", null, "GB")),
                "agent@aftercart.demo",
                null);

        OrderView cancelled = place(
                5,
                SalesChannel.STORE,
                "Alan Turing",
                "alan@example.org",
                "Manchester",
                "M13 9PL",
                p.get(10),
                1,
                p.get(11),
                1);
        orders.cancel(cancelled.id(), "Customer found a better size in store", "store@aftercart.demo");

        OrderView picking = place(
                6,
                SalesChannel.WEB,
                "Grace Hopper",
                "grace@example.org",
                "Leeds",
                "LS1 4AP",
                p.get(12),
                2,
                p.get(13),
                1);
        advance(picking, false, null);
        OrderView packing = place(
                7,
                SalesChannel.PHONE,
                "Florence Nightingale",
                "florence@example.org",
                "Derby",
                "DE1 1AN",
                p.get(15),
                1,
                p.get(16),
                1);
        advance(packing, true, null);
        OrderView shipped = place(
                8,
                SalesChannel.WEB,
                "Charles Babbage",
                "charles@example.org",
                "York",
                "YO1 7HH",
                p.get(17),
                2,
                p.get(18),
                2);
        advance(shipped, true, "RM123456785GB");
        // p.get(0), p.get(7), p.get(14)… have one unit in London: this order splits with Manchester.
        OrderView split = place(
                9,
                SalesChannel.WEB,
                "Dorothy Hodgkin",
                "dorothy@example.org",
                "Oxford",
                "OX1 3PU",
                p.get(0),
                3,
                p.get(7),
                2);
        advance(split, true, "DPD1589622233");
        carrierNews("RM123456785GB", "DPD1589622233");
        OrderView returnedInStore = placeReturnedOrders(p);
        OrderView overdue = placeOverdueOrder(p);
        conversations.create(shipped, split, waiting, overdue, returnedInStore);
        log.debug("Demo order {} waits in its hold window", waiting.number());
    }

    /**
     * An order placed three days ago and still in the warehouse, past its ship-by time, so that the
     * console's operations list of orders not shipped in time has one to show (and its customer
     * asks after it: see {@link DemoConversations}).
     */
    private OrderView placeOverdueOrder(List<ProductVariant> p) {
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                "demo-13",
                new ContactDetails(
                        "katherine@example.org", "Katherine Johnson", null, ContactChannel.EMAIL, "en", "GB"),
                p.get(4).price().currency().getCurrencyCode(),
                List.of(new PlaceOrder.Line(p.get(4).sku(), 1, null, null)),
                new ShippingAddress("Katherine Johnson", "13 High Street", null, "Bath", "BA1 1LT", null, "GB"),
                PaymentStatus.PAID,
                new java.math.BigDecimal("4.95"),
                null,
                null,
                clock.instant().minus(Duration.ofDays(3))));
    }

    /** Three orders delivered, then returned (see {@link DemoReturns}); answers the one returned in store. */
    private OrderView placeReturnedOrders(List<ProductVariant> p) {
        OrderView grace = place(
                10,
                SalesChannel.WEB,
                "Grace Hopper",
                "grace@example.org",
                "Leeds",
                "LS1 4AP",
                p.get(20),
                1,
                p.get(21),
                1);
        OrderView alan = place(
                11,
                SalesChannel.WEB,
                "Alan Turing",
                "alan@example.org",
                "Manchester",
                "M1 1AE",
                p.get(22),
                2,
                p.get(23),
                1);
        OrderView rosalind = place(
                12,
                SalesChannel.STORE,
                "Rosalind Franklin",
                "rosalind@example.org",
                "Manchester",
                "M2 5DB",
                p.get(24),
                1,
                p.get(25),
                1);
        List<String> trackingNumbers = List.of("RM223456786GB", "RM323456787GB", "RM423456788GB");
        List<OrderView> delivered = List.of(grace, alan, rosalind);
        Instant now = clock.instant();
        for (int i = 0; i < delivered.size(); i++) {
            advance(delivered.get(i), true, trackingNumbers.get(i));
            trackingIntake.accept(
                    "demo",
                    null,
                    List.of(new CarrierReport(
                            "canonical",
                            "Royal Mail",
                            trackingNumbers.get(i),
                            null,
                            List.of(
                                    event(now.minus(Duration.ofMinutes(80)), "IN_TRANSIT", "Collected", null),
                                    event(now.minus(Duration.ofMinutes(30)), "DELIVERED", "Delivered", null)))));
        }
        returns.create(
                orders.find(grace.id()).orElseThrow(),
                orders.find(alan.id()).orElseThrow(),
                orders.find(rosalind.id()).orElseThrow());
        return rosalind;
    }

    private OrderView place(
            int n,
            SalesChannel channel,
            String name,
            String email,
            String city,
            String postcode,
            ProductVariant first,
            int firstQuantity,
            ProductVariant second,
            int secondQuantity) {
        String currency = first.price().currency().getCurrencyCode();
        boolean waiting = n <= 4;
        return orders.place(new PlaceOrder(
                channel,
                "demo-" + n,
                new ContactDetails(
                        email, name, null, n % 3 == 0 ? ContactChannel.SMS : ContactChannel.EMAIL, "en", "GB"),
                currency,
                List.of(
                        new PlaceOrder.Line(first.sku(), firstQuantity, null, null),
                        new PlaceOrder.Line(second.sku(), secondQuantity, null, null)),
                new ShippingAddress(name, n + " High Street", null, city, postcode, null, "GB"),
                n == 2 ? PaymentStatus.PENDING : PaymentStatus.PAID,
                new java.math.BigDecimal("4.95"),
                null,
                null,
                waiting
                        ? clock.instant().minus(Duration.ofMinutes(n))
                        : clock.instant().minus(Duration.ofHours(2))));
    }

    /** Moves every fulfilment order of the order through the steps, up to packing or shipping. */
    private void advance(OrderView order, boolean pack, String trackingNumber) {
        for (FulfillmentOrderView fo : fulfillment.ofOrder(order.id())) {
            fulfillment.release(fo.id());
            fulfillment.startPicking(fo.id());
            if (!pack) {
                continue;
            }
            fulfillment.startPacking(fo.id(), "warehouse");
            if (trackingNumber != null) {
                fulfillment.ship(
                        fo.id(),
                        new ShipParcels(List.of(new ShipParcels.Parcel(
                                fo.locationCode().equals("MAIN") ? "Royal Mail" : "DPD",
                                "Tracked 48",
                                trackingNumber + (fo.locationCode().equals("MAIN") ? "" : "-2"),
                                fo.lines().stream()
                                        .map(l -> new ShipParcels.Item(l.orderLineId(), l.quantity()))
                                        .toList()))),
                        "warehouse");
            }
        }
    }
}
