package org.aftercart.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.support.TestCatalog;

/** Orders for console tests, each with names and addresses unique to one test. */
final class ConsoleTestData {

    final String tag = "c" + UUID.randomUUID().toString().substring(0, 8);

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final TestCatalog products;
    private final Inventory inventory;

    ConsoleTestData(OrderManagement orders, Fulfillment fulfillment, Catalog catalog, Inventory inventory) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.products = new TestCatalog(catalog, inventory);
        this.inventory = inventory;
    }

    /** The order with every unit shipped and delivered, so that it can be returned. */
    OrderView delivered(OrderView order) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), line.quantities().active()));
        orders.recordShipment(order.id(), units, "Shipped in tests", "tests");
        orders.recordDelivery(order.id(), units, "Delivered in tests", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    /** Another size of the web order's shirt, at the same price, in stock in the store given. */
    String largerShirt(String store) {
        String sku = products.variant("SHIRT", "L", "25.00", 0);
        products.stock(store, sku, 3);
        return sku;
    }

    /** Yet another size of the web order's shirt, at the same price, in stock only in the MAIN warehouse. */
    String largestShirtInTheWarehouseOnly() {
        return products.variant("SHIRT", "XL", "25.00", 4);
    }

    /** A dearer version of the web order's shirt (€40.00 instead of €25.00), in stock in the store given. */
    String dearerShirt(String store) {
        String sku = products.variant("SHIRT", "SILK", "40.00", 0);
        products.stock(store, sku, 2);
        return sku;
    }

    /** A store of this test, where items can be returned and restocked; returns its location code. */
    String store() {
        String code = "ST-" + tag.toUpperCase();
        inventory.defineLocation(new Location(code, "Store " + capitalized(tag), Location.Kind.STORE, "FR", 900));
        return code;
    }

    String email() {
        return tag + "@example.org";
    }

    /** 2 shirts at €25.00 and socks at €6.00 with €4.90 shipping: €60.90, paid, to Paris. */
    OrderView webOrder() {
        String shirt = products.variant("SHIRT", "M", "25.00", 10);
        String socks = products.variant("SOCKS", "ONE", "6.00", 10);
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email(), "Jo " + capitalized(tag)),
                "EUR",
                List.of(new PlaceOrder.Line(shirt, 2, null, null), new PlaceOrder.Line(socks, 1, null, null)),
                new ShippingAddress("Jo " + capitalized(tag), "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                new BigDecimal("4.90"),
                null,
                null,
                null));
    }

    /** One mug at £12.50 sold in a store, placed an hour ago, not yet paid. */
    OrderView storeOrder() {
        String mug = products.variant("MUG", "ONE", "9.00", 10);
        return orders.place(new PlaceOrder(
                SalesChannel.STORE,
                null,
                ContactDetails.email("store-" + email(), "Sam " + capitalized(tag)),
                "GBP",
                List.of(new PlaceOrder.Line(mug, 1, new BigDecimal("12.50"), "Enamel mug")),
                null,
                PaymentStatus.PENDING,
                null,
                null,
                null,
                Instant.now().minusSeconds(3600)));
    }

    FulfillmentOrderView onlyFulfillmentOrder(OrderView order) {
        List<FulfillmentOrderView> all = fulfillment.ofOrder(order.id());
        if (all.size() != 1) {
            throw new IllegalStateException("Expected one fulfilment order, got " + all);
        }
        return all.getFirst();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
