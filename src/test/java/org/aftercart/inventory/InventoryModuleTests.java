package org.aftercart.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The inventory module alone, on its own schema: reserve, ship, release. */
@ApplicationModuleTest
class InventoryModuleTests {

    @Autowired
    Inventory inventory;

    @Test
    void reservesThenConsumesWhatShipsAndReleasesTheRest() {
        String sku = "INV-" + UUID.randomUUID();
        inventory.setOnHand("MAIN", sku, 5);
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();

        List<Allocation> allocations = inventory.allocate(order, List.of(new Demand(line, sku, 3)));
        assertThat(allocations).containsExactly(new Allocation(line, sku, "MAIN", 3, 0));
        assertThat(inventory.stockOf(sku)).containsExactly(new StockLevel("MAIN", sku, 5, 3));

        inventory.consume(line, "MAIN", 2);
        assertThat(inventory.stockOf(sku)).containsExactly(new StockLevel("MAIN", sku, 3, 1));

        inventory.release(order);
        assertThat(inventory.stockOf(sku)).containsExactly(new StockLevel("MAIN", sku, 3, 0));
        assertThat(inventory.reservationsOf(order)).isEmpty();
    }
}
