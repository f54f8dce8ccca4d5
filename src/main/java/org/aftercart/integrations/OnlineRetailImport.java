package org.aftercart.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.aftercart.catalog.CatalogBulkLoad;
import org.aftercart.customers.CustomerBulkLoad;
import org.aftercart.integrations.onlineretail.OnlineRetailBook;
import org.aftercart.integrations.onlineretail.OnlineRetailReader;
import org.aftercart.orders.HistoricalImportResult;
import org.aftercart.orders.HistoricalOrderImport;
import org.aftercart.orders.SalesChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the UCI Online Retail file (Chen, 2015, CC BY 4.0) as order history: its customers,
 * products, invoices as delivered web orders, and its cancellations as returns. The file is read
 * and sorted first; then catalog, customers and orders each bulk-load their part, all in one
 * transaction, so an import either happens whole or not at all. Everything is keyed by the file's
 * own numbers, so importing the same file again adds nothing.
 */
@Service
public class OnlineRetailImport {

    private static final Logger log = LoggerFactory.getLogger(OnlineRetailImport.class);

    /** A slice of the file shipped for demos: the invoices of about 150 customers. */
    public static final String DEMO_SLICE = "demo/online-retail-slice.csv.gz";

    private final CatalogBulkLoad catalog;
    private final CustomerBulkLoad customers;
    private final HistoricalOrderImport orders;
    private final TransactionTemplate transactions;

    OnlineRetailImport(
            CatalogBulkLoad catalog,
            CustomerBulkLoad customers,
            HistoricalOrderImport orders,
            PlatformTransactionManager transactionManager) {
        this.catalog = catalog;
        this.customers = customers;
        this.orders = orders;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Imports the demo slice shipped with the application. */
    public OnlineRetailReport importDemoSlice() {
        try (InputStream slice = new ClassPathResource(DEMO_SLICE).getInputStream()) {
            return importFrom(slice, phase -> {});
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DEMO_SLICE, e);
        }
    }

    /**
     * Imports the file from this stream, plain or gzip-compressed; does not close it.
     *
     * @param phases told when reading is done and the database work starts
     */
    public OnlineRetailReport importFrom(InputStream data, Consumer<String> phases) {
        long started = System.nanoTime();
        OnlineRetailBook book;
        try {
            book = OnlineRetailReader.read(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Online Retail file: " + e.getMessage(), e);
        }
        log.debug("Read {} lines in {} ms", book.rowsRead(), (System.nanoTime() - started) / 1_000_000);
        phases.accept(String.format(Locale.ROOT, "Writing %,d orders to the database", book.orderCount()));
        return Objects.requireNonNull(transactions.execute(status -> {
            int productsAdded = catalog.addMissing(book.products());
            int customersAdded = customers.addMissing(book.customers());
            HistoricalImportResult result = orders.load(
                    SalesChannel.WEB,
                    Currency.getInstance(OnlineRetailBook.CURRENCY),
                    book.orders().toList(),
                    book.returns());
            return new OnlineRetailReport(
                    book.rowsRead(),
                    book.customerCount(),
                    customersAdded,
                    productsAdded,
                    book.orderCount(),
                    result.ordersAdded(),
                    result.linesAdded(),
                    result.returnsApplied(),
                    result.returnsAlreadyApplied(),
                    result.unitsReturned(),
                    result.unitsBeyondWhatWasLeft(),
                    skipped(book, result),
                    book.malformed(),
                    Duration.ofNanos(System.nanoTime() - started));
        }));
    }

    private static Map<String, Long> skipped(OnlineRetailBook book, HistoricalImportResult result) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        book.kinds().forEach((kind, count) -> {
            if (!kind.imported()) {
                skipped.put(kind.description(), count);
            }
        });
        if (result.returnsWithoutOrderLine() > 0) {
            skipped.put("cancellation without an earlier order line of the customer for the SKU", (long)
                    result.returnsWithoutOrderLine());
        }
        if (result.returnsWithNothingLeft() > 0) {
            skipped.put(
                    "cancellation whose order line had nothing left to return", (long) result.returnsWithNothingLeft());
        }
        return skipped;
    }
}
