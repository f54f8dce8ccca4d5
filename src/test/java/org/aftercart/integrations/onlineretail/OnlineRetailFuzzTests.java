package org.aftercart.integrations.onlineretail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.aftercart.orders.HistoricalOrder;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the bulk importer's reading of the Online Retail CSV, plain or gzip
 * (docs/fuzzing.md). Seeded with slices of the real file from the shared data folder; inputs that once
 * failed are kept in {@code OnlineRetailFuzzTestsInputs/<test>/}.
 *
 * <p>The contract: the file is refused as a whole ({@link IllegalArgumentException} for a wrong
 * header, {@link IOException} for broken compression), or read into a book whose lines a bad row can
 * only add to the malformed count; what the book hands to the database fits its columns (order lines
 * with units and a price of at most 15 integer digits and 2 decimals, returns of at least one unit).
 */
class OnlineRetailFuzzTests {

    /** {@code numeric(19, 4)}: what {@code orders.order_lines.unit_price} holds. */
    private static final int PRICE_INTEGER_DIGITS = 15;

    @MethodSource("fileSlices")
    @FuzzTest(maxDuration = "20s")
    void csvFile(byte[] file) {
        OnlineRetailBook book;
        try {
            book = OnlineRetailReader.read(new ByteArrayInputStream(file));
        } catch (IllegalArgumentException | IOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(book.kinds().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(book.rowsRead());
        assertThat(book.customers())
                .allSatisfy(customer -> assertThat(customer.externalRef()).matches("uci:[0-9]+"));
        assertThat(book.products()).allSatisfy(product -> assertFits(product.price()));
        List<HistoricalOrder> orders = book.orders().toList();
        assertThat(orders).hasSize(book.orderCount());
        for (HistoricalOrder order : orders) {
            assertThat(order.lines()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.sku()).isNotBlank();
                assertThat(line.quantity()).isPositive();
                assertFits(line.unitPrice());
            });
        }
        assertThat(book.returns())
                .allSatisfy(returned -> assertThat(returned.quantity()).isPositive());
    }

    private static void assertFits(BigDecimal price) {
        assertThat(price).isNotNegative();
        BigDecimal stripped = price.stripTrailingZeros();
        assertThat(stripped.scale()).isLessThanOrEqualTo(2);
        assertThat(stripped.precision() - stripped.scale()).isLessThanOrEqualTo(PRICE_INTEGER_DIGITS);
    }

    /**
     * The header and the first lines of the real file (sales, a cancellation, a line without
     * customer), plain and gzip-compressed.
     */
    static Stream<byte[]> fileSlices() {
        Path file = Path.of(System.getProperty("aftercart.shared-data", "../shared/data"))
                .resolve("online-retail/online_retail_2010-2011.csv.gz");
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null && lines.size() < 200; line = reader.readLine()) {
                if (lines.size() < 12 || line.startsWith("C") || line.contains(",,")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] small = (String.join("\n", lines.subList(0, 12)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] mixed = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return Stream.of(small, mixed, gzip(small));
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
