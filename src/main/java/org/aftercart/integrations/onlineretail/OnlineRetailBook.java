package org.aftercart.integrations.onlineretail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.aftercart.catalog.CatalogBulkLoad.NewVariant;
import org.aftercart.customers.CustomerBulkLoad.NewCustomer;
import org.aftercart.orders.HistoricalOrder;
import org.aftercart.orders.HistoricalReturn;
import org.jspecify.annotations.Nullable;

/**
 * Everything read from the file, sorted into what each module loads: customers, products, orders
 * (one per invoice) and returns (one per line of a {@code C} invoice), plus the count of each kind of
 * line left out.
 *
 * <ul>
 *   <li>Customers: every customer number in the file, as {@code uci:<number>}, with the country of
 *       their last line; the file has no e-mail addresses or names.
 *   <li>Products: one per stock code sold, titled with its most frequent description and priced at
 *       its most frequent non-zero price.
 *   <li>Orders: number {@code UCI-<invoice>}, placed at the invoice's first time read as
 *       Europe/London local time; each line keeps the description and price it was sold with.
 * </ul>
 */
public final class OnlineRetailBook {

    public static final String CURRENCY = "GBP";
    static final ZoneId SHOP_TIME = ZoneId.of("Europe/London");

    private long rowsRead;
    private final Map<RowKind, Long> kinds = new EnumMap<>(RowKind.class);
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, String> customerCountries = new LinkedHashMap<>();
    private final List<HistoricalReturn> returns = new ArrayList<>();
    private final Map<String, Integer> returnLines = new HashMap<>();
    private final List<String> malformed = new ArrayList<>();

    private static final class Invoice {
        final String number;
        final @Nullable String customerRef;
        LocalDateTime placedAt;
        final List<HistoricalOrder.Line> lines = new ArrayList<>();

        Invoice(String number, @Nullable String customerRef, LocalDateTime placedAt) {
            this.number = number;
            this.customerRef = customerRef;
            this.placedAt = placedAt;
        }
    }

    private static final class Product {
        final MostFrequent<String> titles = new MostFrequent<>();
        final MostFrequent<BigDecimal> prices = new MostFrequent<>();
    }

    /** A line that could not be parsed; the first few problems are kept for the report. */
    public void addMalformed(String problem) {
        rowsRead++;
        kinds.merge(RowKind.MALFORMED, 1L, Long::sum);
        if (malformed.size() < 5) {
            malformed.add(problem);
        }
    }

    public RowKind add(OnlineRetailRow row) {
        rowsRead++;
        RowKind kind = RowClassifier.classify(row);
        kinds.merge(kind, 1L, Long::sum);
        if (row.customerId() != null) {
            customerCountries.put(customerRef(row.customerId()), row.country());
        }
        switch (kind) {
            case SALE -> addSale(row);
            case CANCELLATION -> addReturn(row);
            default -> {}
        }
        return kind;
    }

    private void addSale(OnlineRetailRow row) {
        Invoice invoice = invoices.computeIfAbsent(
                row.invoiceNo(),
                number -> new Invoice(
                        number, row.customerId() == null ? null : customerRef(row.customerId()), row.invoiceDate()));
        if (row.invoiceDate().isBefore(invoice.placedAt)) {
            invoice.placedAt = row.invoiceDate();
        }
        invoice.lines.add(
                new HistoricalOrder.Line(row.stockCode(), row.description(), row.unitPrice(), row.quantity()));
        Product product = products.computeIfAbsent(row.stockCode(), code -> new Product());
        if (!row.description().isEmpty()) {
            product.titles.add(row.description());
        }
        if (row.unitPrice().signum() > 0) {
            product.prices.add(row.unitPrice());
        }
    }

    private void addReturn(OnlineRetailRow row) {
        int lineNo = returnLines.merge(row.invoiceNo(), 1, Integer::sum) - 1;
        returns.add(new HistoricalReturn(
                orderNumber(row.invoiceNo()),
                lineNo,
                customerRef(Objects.requireNonNull(row.customerId())),
                instant(row.invoiceDate()),
                row.stockCode(),
                -row.quantity()));
    }

    public static String orderNumber(String invoiceNo) {
        return "UCI-" + invoiceNo;
    }

    public static String customerRef(String customerId) {
        return "uci:" + customerId;
    }

    static Instant instant(LocalDateTime shopTime) {
        return shopTime.atZone(SHOP_TIME).toInstant();
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** How many lines of each kind were read, in the order of {@link RowKind}. */
    public Map<RowKind, Long> kinds() {
        return kinds;
    }

    /** The first few malformed lines, with what is wrong with each. */
    public List<String> malformed() {
        return List.copyOf(malformed);
    }

    public int customerCount() {
        return customerCountries.size();
    }

    public int orderCount() {
        return invoices.size();
    }

    public Stream<NewCustomer> customers() {
        return customerCountries.entrySet().stream()
                .map(customer -> new NewCustomer(customer.getKey(), null, null, customer.getValue()));
    }

    public Stream<NewVariant> products() {
        return products.entrySet().stream().map(entry -> {
            String sku = entry.getKey();
            String title = entry.getValue().titles.best();
            BigDecimal price = entry.getValue().prices.best();
            return new NewVariant(
                    sku,
                    "uci-" + sku.toLowerCase(Locale.ROOT),
                    title == null ? sku : title,
                    price == null ? BigDecimal.ZERO : price,
                    CURRENCY);
        });
    }

    /** One order per invoice; a line with no description takes its product's title. */
    public Stream<HistoricalOrder> orders() {
        return invoices.values().stream()
                .map(invoice -> new HistoricalOrder(
                        orderNumber(invoice.number),
                        "uci:" + invoice.number,
                        invoice.customerRef,
                        instant(invoice.placedAt),
                        invoice.lines.stream().map(this::titled).toList()));
    }

    private HistoricalOrder.Line titled(HistoricalOrder.Line line) {
        if (!line.title().isEmpty()) {
            return line;
        }
        String title = products.get(line.sku()).titles.best();
        return new HistoricalOrder.Line(
                line.sku(), title == null ? line.sku() : title, line.unitPrice(), line.quantity());
    }

    public Stream<HistoricalReturn> returns() {
        return returns.stream();
    }
}
