package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.inventory.Inventory;
import org.aftercart.shared.Money;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the customer's own space asks of the order core: a customer's orders of every channel,
 * newest first and paged; a change previewed by the change's own rules without writing anything;
 * a cancellation refused when the order moved on since it was read.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
class CustomerOrdersIntegrationTests {

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    TestCatalog products;
    String shirt;

    @BeforeEach
    void setUp() {
        products = new TestCatalog(catalog, inventory);
        shirt = products.variant("SHIRT", "M", "25.00", 50);
    }

    @Test
    void aCustomersOrdersOfEveryChannelComeNewestFirstInPages() {
        String email = "orders-" + UUID.randomUUID() + "@example.org";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OrderView web = place(email, SalesChannel.WEB, now.minus(3, ChronoUnit.DAYS));
        OrderView store = place(email, SalesChannel.STORE, now.minus(2, ChronoUnit.DAYS));
        OrderView phone = place(email, SalesChannel.PHONE, now.minus(1, ChronoUnit.DAYS));
        place("someone-" + UUID.randomUUID() + "@example.org", SalesChannel.WEB, now);
        CustomerId customer = CustomerId.of(web.customerId());

        OrderSummaryPage first = orders.ofCustomer(customer, 0, 2);
        OrderSummaryPage second = orders.ofCustomer(customer, 1, 2);

        assertThat(first.orders()).extracting(OrderSummary::id).containsExactly(phone.id(), store.id());
        assertThat(first.hasNext()).isTrue();
        assertThat(second.orders()).extracting(OrderSummary::id).containsExactly(web.id());
        assertThat(second.hasNext()).isFalse();
        assertThat(orders.ofCustomer(new CustomerId(UUID.randomUUID()), 0, 10).isEmpty())
                .isTrue();
    }

    @Test
    void aPreviewGivesTheChangesOwnDifferenceAndWritesNothing() {
        OrderView order = place("preview-" + UUID.randomUUID() + "@example.org", SalesChannel.WEB, null);
        OrderChange change =
                new OrderChange.ChangeQuantity(order.lines().getFirst().id(), 3);

        ChangePreview preview = orders.previewChange(order.id(), change, order.version());

        assertThat(preview.version()).isEqualTo(order.version());
        assertThat(preview.kind()).isEqualTo(ChangeKind.QUANTITY_CHANGED);
        assertThat(preview.totalBefore()).isEqualTo(order.total());
        assertThat(preview.difference()).isEqualTo(Money.of("50.00", "EUR"));
        OrderView unchanged = orders.find(order.id()).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(order.version());
        assertThat(unchanged.total()).isEqualTo(order.total());
        assertThat(orders.journal(order.id())).hasSize(1);

        OrderView changed = orders.change(order.id(), change, "customer:test", preview.version());
        assertThat(changed.total()).isEqualTo(preview.totalAfter());
        assertThat(orders.journal(order.id()).getLast().priceDifference()).isEqualTo(preview.difference());

        assertThatThrownBy(() -> orders.previewChange(order.id(), change, order.version()))
                .as("a preview on a stale version is refused like the change")
                .isInstanceOf(OrderNotChangeable.class);
        assertThatThrownBy(() ->
                        orders.previewChange(order.id(), new OrderChange.ChangeQuantity(UUID.randomUUID(), 1), null))
                .isInstanceOf(InvalidOrder.class);
    }

    @Test
    void aCancellationWithAStaleVersionIsRefusedAndNothingIsWritten() {
        OrderView order = place("cancel-" + UUID.randomUUID() + "@example.org", SalesChannel.WEB, null);
        orders.change(
                order.id(),
                new OrderChange.ChangeQuantity(order.lines().getFirst().id(), 2),
                "agent",
                null);

        assertThatThrownBy(() -> orders.cancel(order.id(), "changed my mind", "customer:test", order.version()))
                .isInstanceOf(OrderNotChangeable.class)
                .hasMessageContaining("changed meanwhile");
        OrderView current = orders.find(order.id()).orElseThrow();
        assertThat(current.status()).isEqualTo(OrderStatus.PLACED);

        OrderView cancelled = orders.cancel(order.id(), "changed my mind", "customer:test", current.version());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    private OrderView place(String email, SalesChannel channel, Instant placedAt) {
        return orders.place(new PlaceOrder(
                channel,
                null,
                ContactDetails.email(email, "Cora Customer"),
                "EUR",
                List.of(new PlaceOrder.Line(shirt, 1, null, null)),
                new ShippingAddress("Cora Customer", "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                placedAt));
    }
}
