package org.aftercart.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aftercart.integrations.onlineretail.MalformedRow;
import org.aftercart.integrations.onlineretail.OnlineRetailBook;
import org.aftercart.integrations.onlineretail.OnlineRetailParser;
import org.aftercart.integrations.onlineretail.OnlineRetailReader;
import org.aftercart.integrations.onlineretail.OnlineRetailRow;
import org.aftercart.integrations.onlineretail.RowClassifier;
import org.aftercart.integrations.onlineretail.RowKind;
import org.aftercart.orders.HistoricalOrder;
import org.aftercart.orders.HistoricalReturn;
import org.junit.jupiter.api.Test;

/** Parsing and sorting of hand-written lines of the Online Retail file. */
class ImportClassificationTests {

    private static final String HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private final OnlineRetailParser parser = new OnlineRetailParser();

    private OnlineRetailRow row(String line) {
        return parser.parse(2, List.of(line.split(",", -1)));
    }

    private RowKind kind(String line) {
        return RowClassifier.classify(row(line));
    }

    @Test
    void readsTheCustomerNumberWrittenAsAFloat() {
        OnlineRetailRow row = row(
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom");

        assertThat(row.customerId()).isEqualTo("17850");
        assertThat(row.quantity()).isEqualTo(6);
        assertThat(row.unitPrice()).isEqualByComparingTo("2.55");
        assertThat(RowClassifier.classify(row)).isEqualTo(RowKind.SALE);
    }

    @Test
    void aLineWithoutCustomerIsAGuestSale() {
        OnlineRetailRow row =
                row("536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,2010-12-01 14:32:00,2.51,,United Kingdom");

        assertThat(row.customerId()).isNull();
        assertThat(RowClassifier.classify(row)).isEqualTo(RowKind.SALE);
    }

    @Test
    void aCInvoiceLineIsACancellationWhenItHasACustomer() {
        assertThat(kind("C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom"))
                .isEqualTo(RowKind.NON_PRODUCT_CODE);
        assertThat(
                        kind(
                                "C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom"))
                .isEqualTo(RowKind.CANCELLATION);
        assertThat(kind("C537251,22429,ENAMEL MEASURING JUG CREAM,-1,2010-12-06 10:45:00,4.25,,United Kingdom"))
                .isEqualTo(RowKind.CANCELLATION_WITHOUT_CUSTOMER);
    }

    @Test
    void leavesOutCodesThatAreNotProducts() {
        for (String code :
                List.of("POST", "DOT", "M", "m", "D", "C2", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "B", "PADS")) {
            assertThat(kind("536370," + code + ",SOMETHING,1,2010-12-01 08:45:00,18.0,12583.0,France"))
                    .as(code)
                    .isEqualTo(RowKind.NON_PRODUCT_CODE);
        }
        assertThat(
                        kind(
                                "569716,gift_0001_20,Dotcomgiftshop Gift Voucher £20.00,1,2011-10-06 08:17:00,16.67,,United Kingdom"))
                .isEqualTo(RowKind.GIFT_VOUCHER);
    }

    @Test
    void leavesOutBadDebtAdjustmentsAndStockAdjustments() {
        assertThat(kind("A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,,United Kingdom"))
                .isEqualTo(RowKind.BAD_DEBT_ADJUSTMENT);
        assertThat(kind("536589,21777,,-10,2010-12-01 16:50:00,0.0,,United Kingdom"))
                .isEqualTo(RowKind.STOCK_ADJUSTMENT);
        assertThat(kind("537032,21275,?,-30,2010-12-03 16:50:00,0.0,,United Kingdom"))
                .isEqualTo(RowKind.STOCK_ADJUSTMENT);
    }

    @Test
    void priceZeroIsAStockRecordWithoutCustomerAndAFreeItemWithOne() {
        assertThat(kind("536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom"))
                .isEqualTo(RowKind.STOCK_RECORD);
        assertThat(kind("537197,22841,ROUND CAKE TIN VINTAGE GREEN,1,2010-12-05 14:02:00,0.0,12647.0,Germany"))
                .isEqualTo(RowKind.SALE);
    }

    @Test
    void upperCasesStockCodesAndTrimsDescriptions() {
        OnlineRetailRow row = row("536520,85123a, CREAM HEART  ,1,2010-12-01 12:43:00,2.95,14729.0,United Kingdom");

        assertThat(row.stockCode()).isEqualTo("85123A");
        assertThat(row.description()).isEqualTo("CREAM HEART");
    }

    @Test
    void namesTheLineAndTheFieldOfAMalformedRow() {
        assertThatThrownBy(() -> row("536365,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom"))
                .isInstanceOf(MalformedRow.class)
                .hasMessage("Line 2: Quantity 'six' is not a whole number");
        assertThatThrownBy(() -> row("536365,85123A,HEART,6,01/12/2010 08:26,2.55,17850.0,United Kingdom"))
                .isInstanceOf(MalformedRow.class)
                .hasMessageContaining("InvoiceDate");
        assertThatThrownBy(() -> row("536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,X17850,United Kingdom"))
                .isInstanceOf(MalformedRow.class)
                .hasMessageContaining("CustomerID");
    }

    @Test
    void groupsInvoicesIntoOrdersAndCancellationsIntoReturns() throws IOException {
        OnlineRetailBook book = read(
                HEADER,
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
                "536365,POST,POSTAGE,1,2010-12-01 08:26:00,18.0,17850.0,United Kingdom",
                "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:27:00,3.39,17850.0,United Kingdom",
                "536366,22633,HAND WARMER UNION JACK,6,2011-06-01 10:00:00,1.85,,United Kingdom",
                "C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-06-02 09:41:00,2.55,17850.0,EIRE",
                "C536379,71053,WHITE METAL LANTERN,-1,2011-06-02 09:41:00,3.39,17850.0,EIRE",
                "536367,85123A,\"HEART, WHITE\",1,2011-06-03 09:00:00,2.95,13047.0,France",
                "bad line");

        assertThat(book.rowsRead()).isEqualTo(8);
        assertThat(book.kinds())
                .containsEntry(RowKind.SALE, 4L)
                .containsEntry(RowKind.CANCELLATION, 2L)
                .containsEntry(RowKind.NON_PRODUCT_CODE, 1L)
                .containsEntry(RowKind.MALFORMED, 1L);
        assertThat(book.malformed()).containsExactly("Line 9: expected 8 fields, found 1");

        List<HistoricalOrder> orders = book.orders().toList();
        assertThat(orders)
                .extracting(HistoricalOrder::number)
                .containsExactly("UCI-536365", "UCI-536366", "UCI-536367");
        HistoricalOrder first = orders.getFirst();
        assertThat(first.customerRef()).isEqualTo("uci:17850");
        assertThat(first.placedAt()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
        assertThat(first.lines())
                .containsExactly(
                        new HistoricalOrder.Line(
                                "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", new BigDecimal("2.55"), 6),
                        new HistoricalOrder.Line("71053", "WHITE METAL LANTERN", new BigDecimal("3.39"), 6));
        assertThat(orders.get(1).customerRef()).isNull();
        assertThat(orders.get(1).placedAt()).as("British Summer Time").isEqualTo(Instant.parse("2011-06-01T09:00:00Z"));
        assertThat(orders.get(2).lines().getFirst().title()).isEqualTo("HEART, WHITE");

        assertThat(book.returns().toList())
                .containsExactly(
                        new HistoricalReturn(
                                "UCI-C536379", 0, "uci:17850", Instant.parse("2011-06-02T08:41:00Z"), "85123A", 2),
                        new HistoricalReturn(
                                "UCI-C536379", 1, "uci:17850", Instant.parse("2011-06-02T08:41:00Z"), "71053", 1));

        assertThat(book.customers().toList())
                .extracting(customer -> customer.externalRef() + " " + customer.country() + " " + customer.email())
                .containsExactly("uci:17850 EIRE null", "uci:13047 France null");
        assertThat(book.products().toList())
                .filteredOn(product -> product.sku().equals("85123A"))
                .singleElement()
                .satisfies(product -> {
                    assertThat(product.productHandle()).isEqualTo("uci-85123a");
                    assertThat(product.title())
                            .as("a tie goes to the last seen")
                            .isEqualTo("HEART, WHITE");
                    assertThat(product.price()).isEqualByComparingTo("2.95");
                    assertThat(product.currency()).isEqualTo("GBP");
                });
    }

    @Test
    void refusesAFileWithAnotherHeader() {
        assertThatThrownBy(() -> read("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an Online Retail file: the header is Invoice,StockCode");
    }

    @Test
    void refusesAFileWhoseQuotingIsBrokenNamingTheLine() {
        assertThatThrownBy(() -> read(
                        String.join(",", OnlineRetailParser.HEADER),
                        "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
                        "536366,85123A,\"HEART\" WHITE,6,2010-12-01 08:28:00,2.55,17850.0,United Kingdom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not valid CSV: Exception when reading record that started in line 3"
                        + " (Unexpected character after closing quote: ' ' (0x20))")
                .as("the import command prints the deepest cause's message: this one must be it")
                .hasNoCause();
    }

    private static OnlineRetailBook read(String... lines) throws IOException {
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return OnlineRetailReader.read(new ByteArrayInputStream(csv));
    }
}
