package org.aftercart.tracking.polling;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.ShipParcels;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.support.TestCatalog;
import org.aftercart.tracking.Tracking;

/** Ships orders with a given carrier through the real modules, then waits until tracking follows them. */
final class CarrierShipments {

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final Tracking tracking;
    private final TestCatalog products;

    CarrierShipments(
            OrderManagement orders, Fulfillment fulfillment, Tracking tracking, Catalog catalog, Inventory inventory) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.tracking = tracking;
        this.products = new TestCatalog(catalog, inventory);
    }

    /** One order of {@code parcels} products, each in its own parcel with {@code carrier}; their tracking numbers. */
    List<String> ship(String carrier, int parcels) {
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < parcels; i++) {
            lines.add(new PlaceOrder.Line(products.variant("P" + i, "ONE", "10.00", 5), 1, null, null));
        }
        OrderView order = orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email("polling@example.org", "Paul Ling"),
                "EUR",
                lines,
                new ShippingAddress("Paul Ling", "2 Quai Perrache", null, "Lyon", "69002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
        FulfillmentOrderView fo = fulfillment.ofOrder(order.id()).getFirst();
        fulfillment.release(fo.id());
        fulfillment.startPicking(fo.id());
        fulfillment.startPacking(fo.id(), "test");
        List<ShipParcels.Parcel> shipped = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (var line : order.lines()) {
            String number = "PL"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 14)
                            .toUpperCase();
            numbers.add(number);
            shipped.add(new ShipParcels.Parcel(carrier, null, number, List.of(new ShipParcels.Item(line.id(), 1))));
        }
        fulfillment.ship(fo.id(), new ShipParcels(shipped), "test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tracking.shipmentsOf(order.id()).size() == shipped.size());
        return numbers;
    }
}
