package org.aftercart.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.FulfillmentStatus;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT1H")
class AllocationIntegrationTests {

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    TestCatalog products;

    @BeforeEach
    void setUp() {
        inventory.defineLocation(new Location("PARIS-STORE", "Paris store", Location.Kind.STORE, "FR", 50));
        products = new TestCatalog(catalog, inventory);
    }

    @Test
    void oneLocationThatHasEverythingShipsTheWholeOrder() {
        String lamp = products.variant("LAMP", "ONE", "40.00", 5);
        String shade = products.variant("SHADE", "ONE", "12.00", 5);
        OrderView order = place(line(lamp, 2), line(shade, 1));

        assertThat(inventory.reservationsOf(order.id().id()))
                .extracting(Allocation::locationCode)
                .containsOnly("MAIN");
        List<FulfillmentOrderView> fulfillmentOrders = fulfillment.ofOrder(order.id());
        assertThat(fulfillmentOrders).singleElement().satisfies(fo -> {
            assertThat(fo.status()).isEqualTo(FulfillmentStatus.ON_HOLD);
            assertThat(fo.lines()).hasSize(2);
        });
    }

    @Test
    void splitsAcrossLocationsWhenNoneCanFillTheOrderAndBackordersTheRest() {
        String vase = products.variant("VASE", "BLUE", "30.00", 2);
        products.stock("PARIS-STORE", vase, 1);
        String bowl = products.variant("BOWL", "ONE", "8.00", 0);
        products.stock("PARIS-STORE", bowl, 4);

        OrderView order = place(line(vase, 5), line(bowl, 1));

        List<Allocation> allocations = inventory.reservationsOf(order.id().id());
        assertThat(allocations)
                .extracting(Allocation::sku, Allocation::locationCode, Allocation::quantity, Allocation::backordered)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(vase, "MAIN", 4, 2),
                        org.assertj.core.groups.Tuple.tuple(vase, "PARIS-STORE", 1, 0),
                        org.assertj.core.groups.Tuple.tuple(bowl, "PARIS-STORE", 1, 0));
        assertThat(fulfillment.ofOrder(order.id()))
                .extracting(FulfillmentOrderView::locationCode)
                .containsExactly("MAIN", "PARIS-STORE");
        assertThat(inventory.stockOf(vase)).extracting(StockLevel::available).containsExactly(-2, 0);
    }

    @Test
    void cancellingReleasesEveryReservationAndCancelsFulfilment() {
        String chair = products.variant("CHAIR", "OAK", "120.00", 3);
        OrderView order = place(line(chair, 2));

        orders.cancel(order.id(), "customer changed their mind", "customer");

        assertThat(inventory.reservationsOf(order.id().id())).isEmpty();
        assertThat(inventory.stockOf(chair).getFirst().reserved()).isZero();
        assertThat(fulfillment.ofOrder(order.id()))
                .extracting(FulfillmentOrderView::status)
                .containsOnly(FulfillmentStatus.CANCELLED);
        assertThat(orders.find(order.id()).orElseThrow().status())
                .isEqualTo(org.aftercart.orders.OrderStatus.CANCELLED);
    }

    @Test
    void heldOrdersAreNotPackedBeforeRelease() {
        String stool = products.variant("STOOL", "ONE", "60.00", 3);
        OrderView order = place(line(stool, 1));
        var fo = fulfillment.ofOrder(order.id()).getFirst();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fulfillment.startPacking(fo.id(), "warehouse"))
                .hasMessageContaining("ON_HOLD");
        assertThat(fulfillment.release(fo.id()).status()).isEqualTo(FulfillmentStatus.RELEASED);
        assertThat(fulfillment.startPacking(fo.id(), "warehouse").status()).isEqualTo(FulfillmentStatus.PACKING);
    }

    private OrderView place(PlaceOrder.Line... lines) {
        return orders.place(new PlaceOrder(
                SalesChannel.STORE,
                null,
                null,
                "EUR",
                List.of(lines),
                null,
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
    }

    private static PlaceOrder.Line line(String sku, int quantity) {
        return new PlaceOrder.Line(sku, quantity, null, null);
    }
}
