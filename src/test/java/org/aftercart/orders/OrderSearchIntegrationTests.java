package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.inventory.Inventory;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The console's order search on the real PostgreSQL: what it finds, in which order, and how. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
class OrderSearchIntegrationTests {

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Unique to this test run, so other tests' orders in the shared database never match. */
    final String tag = "q" + UUID.randomUUID().toString().substring(0, 8);

    String sku;

    @BeforeEach
    void setUp() {
        sku = new TestCatalog(catalog, inventory).variant("MUG", "ONE", "25.00", 100);
    }

    @Test
    void listsNewestFirstOnePageAtATime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OrderView oldest = place(tag + "-a@example.org", "Ada Oldest", now.minusSeconds(300));
        OrderView middle = place(tag + "-b@example.org", "Bo Middle", now.minusSeconds(200));
        OrderView newest = place(tag + "-c@example.org", "Cy Newest", now.minusSeconds(100));

        OrderSummaryPage first = orders.search(tag, 0, 2);
        assertThat(first.orders()).extracting(OrderSummary::number).containsExactly(newest.number(), middle.number());
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();

        OrderSummaryPage second = orders.search(tag, 1, 2);
        assertThat(second.orders()).extracting(OrderSummary::number).containsExactly(oldest.number());
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
    }

    @Test
    void summaryCarriesTheTotalAndStatuses() {
        OrderView placed = place(tag + "@example.org", "Sam Summary", null);

        OrderSummary summary = orders.search(placed.number(), 0, 25).orders().getFirst();

        assertThat(summary.id()).isEqualTo(placed.id());
        assertThat(summary.total()).isEqualTo(placed.total());
        assertThat(summary.total().amount()).isEqualByComparingTo("54.90");
        assertThat(summary.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(summary.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(summary.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(summary.email()).isEqualTo(tag + "@example.org");
        assertThat(summary.customerName()).isEqualTo("Sam Summary");
    }

    @Test
    void findsByNumberEmailOrNameIgnoringCase() {
        OrderView placed = place(tag + ".Finder@Example.org", "Zoé " + tag + "son-Smith", null);

        assertThat(numbers(placed.number().toLowerCase())).containsExactly(placed.number());
        assertThat(numbers(tag.toUpperCase() + ".FINDER@")).containsExactly(placed.number());
        assertThat(numbers("  " + tag + ".finder@example.org  ")).containsExactly(placed.number());
        assertThat(numbers(tag.toUpperCase() + "SON")).containsExactly(placed.number());
        assertThat(numbers("zoé " + tag)).containsExactly(placed.number());
        assertThat(numbers(tag + "son smi")).containsExactly(placed.number());
        assertThat(numbers("nobody-" + tag)).isEmpty();
    }

    @Test
    void searchTermsAreNotPatterns() {
        place(tag + "@example.org", "Pat Tern", null);

        assertThat(orders.search("%", 0, 25).orders()).isEmpty();
        assertThat(orders.search("_" + tag.substring(1), 0, 25).orders()).isEmpty();
        assertThat(orders.search("':*|!&(", 0, 25).orders()).isEmpty();
    }

    @Test
    void searchIsAnsweredByTheSearchIndexes() {
        // With sequential scans and plain index scans ruled out, only bitmap scans on indexes that
        // match the predicates are left: the plan shows that each predicate can use its index.
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_indexscan = off").update();
            return jdbc.sql("explain " + OrderSearch.sql(true, true))
                    .param("prefix", "ac-1%")
                    .param("nameQuery", "jo:*")
                    .param("limit", 26)
                    .param("offset", 0)
                    .query(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan))
                .contains("orders_number_prefix_idx", "orders_email_prefix_idx", "orders_customer_name_words_idx")
                .doesNotContain("Seq Scan on orders o");
    }

    private List<String> numbers(String query) {
        return orders.search(query, 0, 25).orders().stream()
                .map(OrderSummary::number)
                .toList();
    }

    private OrderView place(String email, String name, Instant placedAt) {
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email, name),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 2, null, null)),
                null,
                PaymentStatus.PAID,
                new BigDecimal("4.90"),
                null,
                null,
                placedAt));
    }
}
