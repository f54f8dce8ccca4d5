package org.aftercart.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.ChangeKind;
import org.aftercart.orders.JournalEntry;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotChangeable;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A customer's change and the warehouse's start of packing, fired at the same instant from two
 * threads, again and again: each time exactly one order of events wins and nothing is half-applied.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
class EditPackRaceIntegrationTests {

    static final int ROUNDS = 40;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Test
    void aChangeRacingTheStartOfPackingHasExactlyOneWinner() throws Exception {
        String sku = new TestCatalog(catalog, inventory).variant("RACE", "ONE", "10.00", 10 * ROUNDS);
        int changesFirst = 0, packingFirst = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                OrderView order = orders.place(new PlaceOrder(
                        SalesChannel.WEB,
                        null,
                        null,
                        "EUR",
                        List.of(new PlaceOrder.Line(sku, 1, null, null)),
                        null,
                        PaymentStatus.PENDING,
                        null,
                        null,
                        null,
                        null));
                UUID lineId = order.lines().getFirst().id();
                UUID fulfillmentOrderId =
                        fulfillment.ofOrder(order.id()).getFirst().id();
                CyclicBarrier together = new CyclicBarrier(2);

                Future<Boolean> change = pool.submit(() -> {
                    together.await();
                    try {
                        orders.change(order.id(), new OrderChange.ChangeQuantity(lineId, 3), "customer", null);
                        return true;
                    } catch (OrderNotChangeable refused) {
                        return false;
                    }
                });
                Future<FulfillmentOrderView> packing = pool.submit(() -> {
                    together.await();
                    return fulfillment.startPacking(fulfillmentOrderId, "warehouse");
                });

                boolean changed = change.get();
                assertThat(packing.get().status()).isEqualTo(FulfillmentStatus.PACKING);

                OrderView after = orders.find(order.id()).orElseThrow();
                List<JournalEntry> journal = orders.journal(order.id());
                int expected = changed ? 3 : 1;
                assertThat(after.lines().getFirst().quantities().active()).isEqualTo(expected);
                assertThat(fulfillment
                                .find(fulfillmentOrderId)
                                .lines()
                                .getFirst()
                                .quantity())
                        .isEqualTo(expected);
                assertThat(inventory.reservationsOf(order.id().id()).getFirst().quantity())
                        .isEqualTo(expected);
                List<ChangeKind> kinds =
                        journal.stream().map(JournalEntry::kind).toList();
                if (changed) {
                    changesFirst++;
                    assertThat(kinds)
                            .containsExactly(
                                    ChangeKind.PLACED, ChangeKind.QUANTITY_CHANGED, ChangeKind.PACKING_STARTED);
                } else {
                    packingFirst++;
                    assertThat(kinds).containsExactly(ChangeKind.PLACED, ChangeKind.PACKING_STARTED);
                }
            }
        }
        System.out.printf(
                "edit/pack race: change first %d, packing first %d of %d rounds%n", changesFirst, packingFirst, ROUNDS);
        assertThat(changesFirst + packingFirst).isEqualTo(ROUNDS);
    }
}
