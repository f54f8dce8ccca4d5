package org.aftercart.integrations;

import static org.aftercart.integrations.UciTestData.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How cancellations find the order line they return, on a hand-written file. */
@SpringBootTest
class ImportCancellationMatchingTests {

    private static final String FILE =
            """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            900001,90001A,RED MUG,10,2011-01-10 10:00:00,2.0,99901.0,United Kingdom
            900001,90002B,BLUE MUG,4,2011-01-10 10:00:00,3.0,99901.0,United Kingdom
            900002,90001A,RED MUG,3,2011-02-10 10:00:00,2.0,99901.0,United Kingdom
            C900003,90001A,RED MUG,-2,2011-03-01 10:00:00,2.0,99901.0,United Kingdom
            C900004,90001A,RED MUG,-5,2011-03-02 10:00:00,2.0,99901.0,United Kingdom
            C900005,90002B,BLUE MUG,-4,2011-01-15 10:00:00,3.0,99901.0,United Kingdom
            C900006,90001A,RED MUG,-1,2011-01-01 10:00:00,2.0,99901.0,United Kingdom
            C900007,90001A,RED MUG,-1,2011-03-05 10:00:00,2.0,99902.0,United Kingdom
            C900008,90001A,RED MUG,-1,2011-03-06 10:00:00,2.0,99901.0,United Kingdom
            900009,90003C,GREEN MUG,2,2011-03-07 10:00:00,1.0,,United Kingdom
            """;

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
    void returnsGoToTheCustomersMostRecentEarlierLineOfTheSkuUpToWhatIsLeft() {
        OnlineRetailReport report = importFile();

        assertThat(report.ordersAdded()).isEqualTo(3);
        assertThat(report.linesAdded()).isEqualTo(4);
        assertThat(report.customersAdded())
                .as("99902 only appears on a cancellation")
                .isEqualTo(2);
        assertThat(report.cancellationsApplied()).isEqualTo(3);
        assertThat(report.unitsReturned()).isEqualTo(2 + 1 + 4);
        assertThat(report.unitsBeyondWhatWasLeft()).isEqualTo(4 + 1);
        assertThat(report.skipped())
                .containsEntry("cancellation without an earlier order line of the customer for the SKU", 2L)
                .containsEntry("cancellation whose order line had nothing left to return", 1L);

        OrderView january = orders.findByNumber("UCI-900001").orElseThrow();
        assertThat(january.lines())
                .extracting(
                        line -> line.sku() + " returned " + line.quantities().returned() + " refunded "
                                + line.quantities().refunded() + " delivered "
                                + line.quantities().delivered())
                .containsExactly(
                        "90001A returned 0 refunded 0 delivered 10", "90002B returned 4 refunded 4 delivered 4");
        assertThat(january.status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(january.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(january.customerId()).isNotNull();
        assertThat(january.total().toString()).isEqualTo("32.00 GBP");

        OrderView february = orders.findByNumber("UCI-900002").orElseThrow();
        assertThat(february.lines().getFirst().quantities().returned()).isEqualTo(3);
        assertThat(february.status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(february.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);

        OrderView guest = orders.findByNumber("UCI-900009").orElseThrow();
        assertThat(guest.customerId()).isNull();
        assertThat(guest.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(guest.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(guest.placedAt()).hasToString("2011-03-07T10:00:00Z");
    }

    @Test
    void aSecondImportAppliesNoReturnTwice() {
        importFile();
        OnlineRetailReport again = importFile();

        assertThat(again.ordersAdded()).isZero();
        assertThat(again.linesAdded()).isZero();
        assertThat(again.customersAdded()).isZero();
        assertThat(again.productsAdded()).isZero();
        assertThat(again.cancellationsApplied()).isZero();
        assertThat(again.cancellationsAlreadyApplied()).isEqualTo(4);
        assertThat(count(
                        jdbc,
                        "select sum(returned) from orders.order_lines l join orders.orders o on o.id = l.order_id"
                                + " where o.number like 'UCI-9000%'"))
                .isEqualTo(7);
    }

    private OnlineRetailReport importFile() {
        return importer.importFrom(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), phase -> {});
    }
}
