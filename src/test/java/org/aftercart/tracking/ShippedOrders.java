package org.aftercart.tracking;

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
import org.jspecify.annotations.Nullable;

/** Places orders and ships them in parcels through the real modules, then waits until tracking follows them. */
public final class ShippedOrders {

    public record Shipped(OrderView order, List<String> trackingNumbers) {}

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final Tracking tracking;
    private final TestCatalog products;

    public ShippedOrders(
            OrderManagement orders, Fulfillment fulfillment, Tracking tracking, Catalog catalog, Inventory inventory) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.tracking = tracking;
        this.products = new TestCatalog(catalog, inventory);
    }

    /** An order of one unit per product, each product in its own parcel. */
    public Shipped shipInParcels(String email, String... productNames) {
        return ship(email, "La Poste", null, productNames);
    }

    /** An order of one unit per product, each product in its own parcel with this carrier. */
    public Shipped shipWithCarrier(String email, String carrier, String... productNames) {
        return ship(email, carrier, null, productNames);
    }

    /** An order of one product shipped in one parcel with this tracking number. */
    public Shipped shipWithTrackingNumber(String email, String trackingNumber, String productName) {
        return ship(email, "La Poste", trackingNumber, productName);
    }

    /** An order of one unit per product, placed and not shipped. */
    public OrderView placeOnly(String email, String... productNames) {
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (String product : productNames) {
            lines.add(new PlaceOrder.Line(products.variant(product, "ONE", "10.00", 5), 1, null, null));
        }
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email, "Tracy King"),
                "EUR",
                lines,
                new ShippingAddress("Tracy King", "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
    }

    private Shipped ship(String email, String carrier, @Nullable String trackingNumber, String... productNames) {
        OrderView order = placeOnly(email, productNames);
        FulfillmentOrderView fo = fulfillment.ofOrder(order.id()).getFirst();
        fulfillment.release(fo.id());
        fulfillment.startPicking(fo.id());
        fulfillment.startPacking(fo.id(), "test");
        List<ShipParcels.Parcel> parcels = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (var line : order.lines()) {
            String number = trackingNumber != null
                    ? trackingNumber
                    : "TN"
                            + UUID.randomUUID()
                                    .toString()
                                    .replace("-", "")
                                    .substring(0, 14)
                                    .toUpperCase();
            numbers.add(number);
            parcels.add(
                    new ShipParcels.Parcel(carrier, "Colissimo", number, List.of(new ShipParcels.Item(line.id(), 1))));
        }
        fulfillment.ship(fo.id(), new ShipParcels(parcels), "test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tracking.shipmentsOf(order.id()).size() == parcels.size());
        return new Shipped(order, numbers);
    }
}
