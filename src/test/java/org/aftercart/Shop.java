package org.aftercart;

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
import org.aftercart.support.TestCatalog;

/** Orders of customers of their own: each a new customer with a paid order, shipped and delivered. */
final class Shop {

    private Shop() {}

    /** A paid order of a new customer, delivered. */
    static OrderView order(Catalog catalog, Inventory inventory, OrderManagement orders) {
        OrderView order = placed(catalog, inventory, orders);
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), 1));
        orders.recordShipment(order.id(), units, "Shipped", "tests");
        orders.recordDelivery(order.id(), units, "Delivered", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    /** A paid order of a new customer, not shipped yet: still changeable and cancellable. */
    static OrderView placed(Catalog catalog, Inventory inventory, OrderManagement orders) {
        String sku = new TestCatalog(catalog, inventory).variant("ROUTE-TEE", "M", "25.00", 5);
        String email = "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email, "Sam Carter"),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 1, null, null)),
                new ShippingAddress("Sam Carter", "2 Mill Lane", null, "York", "YO1 7HH", null, "GB"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
    }
}
