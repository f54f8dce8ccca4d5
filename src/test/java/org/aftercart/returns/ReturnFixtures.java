package org.aftercart.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.aftercart.support.TestCatalog;

/** Products and orders for returns tests: paid orders shipped and delivered through the orders API. */
final class ReturnFixtures {

    final TestCatalog products;
    private final Catalog catalog;
    private final OrderManagement orders;

    ReturnFixtures(Catalog catalog, Inventory inventory, OrderManagement orders) {
        this.products = new TestCatalog(catalog, inventory);
        this.catalog = catalog;
        this.orders = orders;
    }

    /** A variant in the final-sale category of the tests' policy. */
    String finalSaleVariant(String price) {
        String sku = "FS-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.upsert(new Catalog.VariantDescription(
                sku, "final-" + sku, "Clearance " + sku, "", "final-sale-test", Money.of(price, "EUR")));
        return sku;
    }

    /** A paid order of these SKUs and quantities, every unit shipped and delivered. */
    OrderView delivered(Map<String, Integer> lines) {
        return deliver(ship(placed(lines, null)));
    }

    OrderView delivered(String sku, int quantity) {
        return delivered(Map.of(sku, quantity));
    }

    /** A paid order, shipped but with no delivery recorded, placed at the given time. */
    OrderView shippedOnly(String sku, int quantity, java.time.Instant placedAt) {
        OrderView order = placed(Map.of(sku, quantity), placedAt);
        return ship(order);
    }

    OrderView placed(Map<String, Integer> lines, java.time.Instant placedAt) {
        List<PlaceOrder.Line> orderLines = new ArrayList<>();
        new LinkedHashMap<>(lines)
                .forEach((sku, quantity) -> orderLines.add(new PlaceOrder.Line(sku, quantity, null, null)));
        String email = "returns-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email, "Ray Turner"),
                "EUR",
                orderLines,
                new ShippingAddress("Ray Turner", "1 High Street", null, "Leeds", "LS1 4AP", null, "GB"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                placedAt));
    }

    OrderView ship(OrderView order) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), line.quantities().active()));
        orders.recordShipment(order.id(), units, "Shipped in tests", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    OrderView deliver(OrderView order) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), line.quantities().shipped()));
        orders.recordDelivery(order.id(), units, "Delivered in tests", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    OrderView reload(OrderView order) {
        return orders.find(order.id()).orElseThrow();
    }
}
