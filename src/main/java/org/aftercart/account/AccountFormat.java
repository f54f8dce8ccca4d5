package org.aftercart.account;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Amounts and dates in the page's language and the customer's time zone, for the account page
 * templates ({@code fmt}; public for them only).
 */
public record AccountFormat(Locale locale, ZoneId zone) {

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    /** With its sign, for a difference or a ledger line: +€5.00, −€5.00. */
    public String signed(Money money) {
        return (money.isNegative() ? "−" : money.isPositive() ? "+" : "")
                + money(money.isNegative() ? money.negate() : money);
    }

    public String date(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    /** A month's name in the page's language, standing alone (as in a list of months): "January", "janvier". */
    public String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
