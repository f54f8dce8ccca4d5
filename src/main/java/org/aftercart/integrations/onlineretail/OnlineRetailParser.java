package org.aftercart.integrations.onlineretail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Turns the fields of one line of the file into an {@link OnlineRetailRow}. Dates, prices, codes
 * and customer numbers repeat a lot, so each distinct text is parsed once and shared.
 */
public final class OnlineRetailParser {

    public static final List<String> HEADER = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    /**
     * Units on one line, either way. The file's largest is 80,995; beyond a million it is no sale,
     * and a cancellation of -2,147,483,648 units cannot even be turned into a positive return.
     */
    static final int MAX_UNITS = 1_000_000;

    private static final DateTimeFormatter INVOICE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Map<String, LocalDateTime> dates = new HashMap<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final Map<String, String> stockCodes = new HashMap<>();
    private final Map<String, String> customerIds = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    /** Parses one line; throws {@link MalformedRow} naming the line and what is wrong with it. */
    public OnlineRetailRow parse(long lineNumber, List<String> fields) {
        if (fields.size() != HEADER.size()) {
            throw new MalformedRow(lineNumber, "expected " + HEADER.size() + " fields, found " + fields.size());
        }
        String invoiceNo = fields.get(0).trim();
        String stockCode =
                stockCodes.computeIfAbsent(fields.get(1), code -> code.trim().toUpperCase(Locale.ROOT));
        if (invoiceNo.isEmpty() || stockCode.isEmpty()) {
            throw new MalformedRow(lineNumber, "InvoiceNo and StockCode are required");
        }
        return new OnlineRetailRow(
                lineNumber,
                invoiceNo,
                stockCode,
                texts.computeIfAbsent(fields.get(2), String::trim),
                quantity(lineNumber, fields.get(3)),
                date(lineNumber, fields.get(4)),
                price(lineNumber, fields.get(5)),
                customerId(lineNumber, fields.get(6)),
                texts.computeIfAbsent(fields.get(7), String::trim));
    }

    private static int quantity(long lineNumber, String text) {
        int quantity;
        try {
            quantity = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRow(lineNumber, "Quantity '" + text + "' is not a whole number");
        }
        if (Math.abs((long) quantity) > MAX_UNITS) {
            throw new MalformedRow(lineNumber, "Quantity '" + text + "' is beyond " + MAX_UNITS + " units either way");
        }
        return quantity;
    }

    private LocalDateTime date(long lineNumber, String text) {
        LocalDateTime date = dates.get(text);
        if (date == null) {
            try {
                date = LocalDateTime.parse(text.trim(), INVOICE_DATE);
            } catch (DateTimeParseException e) {
                throw new MalformedRow(lineNumber, "InvoiceDate '" + text + "' is not yyyy-MM-dd HH:mm:ss");
            }
            dates.put(text, date);
        }
        return date;
    }

    private BigDecimal price(long lineNumber, String text) {
        BigDecimal price = prices.get(text);
        if (price == null) {
            try {
                price = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new MalformedRow(lineNumber, "UnitPrice '" + text + "' is not a decimal number");
            }
            BigDecimal stripped = price.stripTrailingZeros();
            if (stripped.precision() - stripped.scale() > Money.MAX_INTEGER_DIGITS) {
                throw new MalformedRow(
                        lineNumber,
                        "UnitPrice '" + text + "' has more than " + Money.MAX_INTEGER_DIGITS
                                + " digits before the decimal point");
            }
            prices.put(text, price);
        }
        return price;
    }

    /** {@code 17850.0} (how the file writes it) and {@code 17850} both give {@code 17850}. */
    private @Nullable String customerId(long lineNumber, String text) {
        if (text.isBlank()) {
            return null;
        }
        String id = customerIds.get(text);
        if (id == null) {
            id = text.trim();
            if (id.endsWith(".0")) {
                id = id.substring(0, id.length() - 2);
            }
            if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new MalformedRow(lineNumber, "CustomerID '" + text + "' is not a customer number");
            }
            customerIds.put(text, id);
        }
        return id;
    }
}
