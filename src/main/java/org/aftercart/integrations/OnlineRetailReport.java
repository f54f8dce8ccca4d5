package org.aftercart.integrations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import of the UCI Online Retail file did.
 *
 * @param unitsBeyondWhatWasLeft units that cancellations asked back beyond what their order line
 *     had left, not applied
 * @param skipped lines (or for cancellations, returns) left out, by reason, in a stable order
 * @param problems the first few malformed lines, if any
 */
public record OnlineRetailReport(
        long rowsRead,
        int customersInFile,
        int customersAdded,
        int productsAdded,
        int ordersInFile,
        int ordersAdded,
        int linesAdded,
        int cancellationsApplied,
        int cancellationsAlreadyApplied,
        long unitsReturned,
        long unitsBeyondWhatWasLeft,
        Map<String, Long> skipped,
        List<String> problems,
        Duration elapsed) {

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report as a person reads it at the end of a command-line import. */
    public String format() {
        StringBuilder text = new StringBuilder();
        line(text, "Rows read", rowsRead);
        line(
                text,
                "Customers added",
                String.format(Locale.ROOT, "%,d of %,d in the file", customersAdded, customersInFile));
        line(text, "Products added", productsAdded);
        line(
                text,
                "Orders added",
                String.format(Locale.ROOT, "%,d of %,d invoices with products", ordersAdded, ordersInFile));
        line(text, "Order lines added", linesAdded);
        line(
                text,
                "Cancellations applied",
                String.format(
                        Locale.ROOT,
                        "%,d (%,d units returned and refunded; %,d asked beyond what the line had left%s)",
                        cancellationsApplied,
                        unitsReturned,
                        unitsBeyondWhatWasLeft,
                        cancellationsAlreadyApplied > 0
                                ? String.format(
                                        Locale.ROOT,
                                        "; %,d already handled by an earlier import",
                                        cancellationsAlreadyApplied)
                                : ""));
        line(text, "Skipped", skippedTotal());
        skipped.forEach((reason, count) -> text.append(String.format(Locale.ROOT, "  %,10d  %s%n", count, reason)));
        problems.forEach(problem -> text.append("  ").append(problem).append(System.lineSeparator()));
        line(text, "Elapsed", String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Object value) {
        String shown = value instanceof Number number ? String.format(Locale.ROOT, "%,d", number) : value.toString();
        text.append(String.format(Locale.ROOT, "%-22s %s%n", label + ":", shown));
    }
}
