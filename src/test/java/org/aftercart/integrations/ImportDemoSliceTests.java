package org.aftercart.integrations;

import static org.aftercart.integrations.UciTestData.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.aftercart.AftercartApplication;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo slice shipped in the application, imported twice. */
@SpringBootTest
class ImportDemoSliceTests {

    @Autowired
    OnlineRetailImport importer;

    @Autowired
    OrderManagement orders;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startClean() {
        UciTestData.deleteAll(jdbc);
    }

    @Test
    void importsTheSliceOnceHoweverOftenItIsImported() {
        OnlineRetailReport first = importer.importDemoSlice();

        assertThat(first.rowsRead()).isEqualTo(3_879);
        assertThat(first.customersAdded()).isEqualTo(139);
        assertThat(first.productsAdded()).isEqualTo(1_485);
        assertThat(first.ordersAdded()).isEqualTo(286);
        assertThat(first.linesAdded()).isEqualTo(3_770);
        assertThat(first.cancellationsApplied()).isEqualTo(64);
        assertThat(first.unitsReturned()).isEqualTo(525);
        assertThat(first.skipped())
                .containsEntry("non-product code (postage, carriage, manual, discount, samples, fees, PADS)", 23L)
                .containsEntry("negative quantity without C (stock adjustment)", 12L)
                .containsEntry("price 0 and no customer (stock record)", 2L)
                .containsEntry("cancellation without an earlier order line of the customer for the SKU", 6L)
                .containsEntry("cancellation whose order line had nothing left to return", 2L);
        Map<String, Integer> before = counts();
        assertThat(before)
                .containsEntry("orders", 286)
                .containsEntry("guest orders", 7)
                .containsEntry("lines", 3_770)
                .containsEntry("returns", 66)
                .containsEntry("returned orders", 3)
                .containsEntry("partially returned orders", 34)
                .containsEntry("customers", 139)
                .containsEntry("products", 1_485);

        OnlineRetailReport second = importer.importDemoSlice();

        assertThat(second.customersAdded()).isZero();
        assertThat(second.productsAdded()).isZero();
        assertThat(second.ordersAdded()).isZero();
        assertThat(second.linesAdded()).isZero();
        assertThat(second.cancellationsApplied()).isZero();
        assertThat(second.cancellationsAlreadyApplied()).isEqualTo(66);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void importedOrdersReadLikeAnyOther() {
        importer.importDemoSlice();
        String number = jdbc.sql(
                        "select min(number) from orders.orders where number like 'UCI-%' and customer_id is not null")
                .query(String.class)
                .single();

        OrderView order = orders.findByNumber(number).orElseThrow();

        assertThat(order.lines()).isNotEmpty();
        assertThat(order.lines().getFirst().lineNo()).isEqualTo(1);
        assertThat(order.lines())
                .allSatisfy(line -> assertThat(line.quantities().delivered())
                        .isEqualTo(line.quantities().ordered()));
        assertThat(order.total().currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(order.changeable()).isFalse();
    }

    /**
     * The command line an operator runs, end to end: its own application context without a web
     * server (so every bean must do without one), the file read from disk, the report printed.
     */
    @Test
    void importsAFileFromTheCommandLineAndReportsWhatItDid() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = ImportCommandLine.run(
                AftercartApplication.class,
                new String[] {"import", "online-retail", "src/main/resources/demo/online-retail-slice.csv.gz"},
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Rows read\\W+3,879").containsPattern("Order lines added\\W+3,770");
        assertThat(counts()).containsEntry("orders", 286).containsEntry("lines", 3_770);
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "orders", count(jdbc, "select count(*) from orders.orders where number like 'UCI-%'"),
                "guest orders",
                        count(
                                jdbc,
                                "select count(*) from orders.orders where number like 'UCI-%' and customer_id is null"),
                "lines",
                        count(
                                jdbc,
                                "select count(*) from orders.order_lines l join orders.orders o on o.id = l.order_id"
                                        + " where o.number like 'UCI-%'"),
                "returns", count(jdbc, "select count(*) from orders.historical_returns where reference like 'UCI-%'"),
                "returned orders",
                        count(
                                jdbc,
                                "select count(*) from orders.orders where number like 'UCI-%' and status = 'RETURNED'"),
                "partially returned orders",
                        count(
                                jdbc,
                                "select count(*) from orders.orders where number like 'UCI-%'"
                                        + " and status = 'PARTIALLY_RETURNED'"),
                "customers", count(jdbc, "select count(*) from customers.customers where external_ref like 'uci:%'"),
                "products", count(jdbc, "select count(*) from catalog.products where handle like 'uci-%'"));
    }
}
