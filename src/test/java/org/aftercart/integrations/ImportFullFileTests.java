package org.aftercart.integrations;

import static org.aftercart.integrations.UciTestData.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole UCI Online Retail file (541,909 lines), from the shared data folder named by the
 * system property {@code aftercart.shared-data}. Checks the figures the dataset is published with
 * that should survive the import.
 */
@SpringBootTest
class ImportFullFileTests {

    @Autowired
    OnlineRetailImport importer;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheHalfMillionLines() {
        UciTestData.deleteAll(jdbc);
    }

    @Test
    void importsThePublishedCustomersInvoicesAndLines() throws IOException {
        Path file = Path.of(System.getProperty("aftercart.shared-data", "../shared/data"))
                .resolve("online-retail/online_retail_2010-2011.csv.gz");
        assumeTrue(Files.isReadable(file), "needs " + file);
        UciTestData.deleteAll(jdbc);

        OnlineRetailReport report;
        try (InputStream data = Files.newInputStream(file)) {
            report = importer.importFrom(data, phase -> {});
        }

        assertThat(report.rowsRead()).isEqualTo(541_909);
        // Every one of the 4,372 published customers, including those with only cancellations.
        assertThat(report.customersAdded()).isEqualTo(4_372);
        assertThat(count(jdbc, "select count(*) from customers.customers where external_ref like 'uci:%'"))
                .isEqualTo(4_372);
        assertThat(count(
                        jdbc,
                        "select count(*) from customers.customers where external_ref like 'uci:%' and email is null"))
                .isEqualTo(4_372);
        // 4,070 published stock codes; 3,798 once 112 codes spelt in two cases are merged and the
        // codes never sold (only cancelled, non-products, vouchers, stock records) are left out.
        assertThat(report.productsAdded()).isEqualTo(3_798);
        // 25,900 invoices = 19,776 orders + 3,836 C invoices + 3 A invoices + 2,285 invoices
        // whose every line was left out (stock adjustments and records, postage only, ...).
        assertThat(report.ordersAdded()).isEqualTo(19_776);
        assertThat(count(jdbc, "select count(*) from orders.orders where number like 'UCI-%' and customer_id is null"))
                .isEqualTo(1_371);
        assertThat(report.linesAdded()).isEqualTo(527_791);
        assertThat(report.cancellationsApplied()).isEqualTo(7_446);
        assertThat(report.unitsReturned()).isEqualTo(244_379);
        assertThat(report.skipped())
                .containsEntry("A invoice (bad-debt adjustment)", 3L)
                .containsEntry("non-product code (postage, carriage, manual, discount, samples, fees, PADS)", 2_913L)
                .containsEntry("gift voucher (gift_0001_*)", 34L)
                .containsEntry("C invoice line without customer", 165L)
                .containsEntry("negative quantity without C (stock adjustment)", 1_336L)
                .containsEntry("price 0 and no customer (stock record)", 1_128L)
                .containsEntry("cancellation without an earlier order line of the customer for the SKU", 1_031L)
                .containsEntry("cancellation whose order line had nothing left to return", 62L);
        // 9,288 C lines = 8,539 cancellations + 165 without customer + 584 non-product codes.
        assertThat(report.cancellationsApplied() + 1_031 + 62).isEqualTo(8_539);
        assertThat(count(
                        jdbc,
                        "select count(*) from pg_constraint where conrelid = 'orders.order_lines'::regclass"
                                + " and confrelid = 'orders.orders'::regclass and convalidated"))
                .as("the lines' foreign key to their order is back and validated")
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                """
                                select conname from pg_constraint
                                where conrelid = 'orders.order_lines'::regclass and contype in ('p', 'u')
                                    or confrelid = 'orders.order_lines'::regclass and convalidated
                                order by conname
                                """)
                        .query(String.class)
                        .list())
                .as("the lines' keys, built after the copy, and the foreign key that refers to them are back")
                .containsExactly(
                        "historical_returns_order_line_id_fkey",
                        "order_lines_order_id_line_no_key",
                        "order_lines_pkey");
    }
}
