package org.aftercart.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.jspecify.annotations.Nullable;

/**
 * The situations the operations lists and the dashboard look for, built through the modules' own
 * APIs: orders placed at a given time, shipped in one parcel with its own tracking number, carrier
 * checkpoints, returns. Names, SKUs and tracking numbers are unique to one instance.
 */
public final class OperationsScenes {

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final Tracking tracking;
    private final TrackingIntake intake;
    private final Returns returns;
    private final TestCatalog products;
    private final String tag =
            UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    private int sequence;

    public OperationsScenes(
            OrderManagement orders,
            Fulfillment fulfillment,
            Tracking tracking,
            TrackingIntake intake,
            Returns returns,
            Catalog catalog,
            Inventory inventory) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.tracking = tracking;
        this.intake = intake;
        this.returns = returns;
        this.products = new TestCatalog(catalog, inventory);
    }

    /** One unit of a €10.00 product, paid, to Paris; placed now (by the application's clock) when {@code null}. */
    public OrderView place(@Nullable Instant placedAt) {
        String sku = products.variant("P" + (++sequence), "ONE", "10.00", 5);
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(tag.toLowerCase() + "@example.org", "Ops " + tag),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 1, null, null)),
                new ShippingAddress("Ops " + tag, "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                placedAt));
    }

    public FulfillmentOrderView fulfillmentOrderOf(OrderView order) {
        return fulfillment.ofOrder(order.id()).getFirst();
    }

    /** Ships the whole order in one parcel and waits until tracking follows it; returns its tracking number. */
    public String ship(OrderView order) {
        FulfillmentOrderView fo = fulfillmentOrderOf(order);
        if (fo.status() == org.aftercart.fulfillment.FulfillmentStatus.ON_HOLD) {
            fulfillment.release(fo.id());
        }
        fulfillment.startPicking(fo.id());
        fulfillment.startPacking(fo.id(), "test");
        String number = "OPS" + tag + (++sequence);
        List<ShipParcels.Item> items = new ArrayList<>();
        order.lines()
                .forEach(line -> items.add(
                        new ShipParcels.Item(line.id(), line.quantities().active())));
        fulfillment.ship(
                fo.id(),
                new ShipParcels(List.of(new ShipParcels.Parcel("La Poste", "Colissimo", number, items))),
                "test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !tracking.shipmentsOf(order.id()).isEmpty());
        return number;
    }

    /** A checkpoint in the statuses' own names (DELIVERED, EXCEPTION, IN_TRANSIT...). */
    public void checkpoint(String trackingNumber, String status, Instant at) {
        intake.accept(
                "test",
                null,
                List.of(new CarrierReport(
                        "canonical",
                        "La Poste",
                        trackingNumber,
                        null,
                        List.of(new CarrierEvent(
                                at, status, null, status, new EventLocation("Paris", null, "75002", "FR"))))));
    }

    /** Returns the order's first line, one unit, for this reason and outcome, by mail. */
    public ReturnView requestReturn(OrderView order, String reason, ReturnOutcome outcome) {
        return returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(), 1, reason, null, outcome, null, null, List.of())),
                false,
                null,
                "customer"));
    }
}
