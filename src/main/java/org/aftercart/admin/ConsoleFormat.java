package org.aftercart.admin;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and dates as the reader expects them in their language: {@code €60.90} or {@code 60,90 €},
 * {@code 12 Mar 2026, 14:05}. Templates call it as {@code @consoleFormat}.
 */
@Component("consoleFormat")
class ConsoleFormat {

    public String money(@Nullable Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
        format.setCurrency(money.currency());
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    /** A price difference with its sign, so that a refund reads as −€6.00 and a charge as +€5.00. */
    public String difference(Money money) {
        return money.isPositive() ? "+" + money(money) : money(money);
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(LocaleContextHolder.getTimeZone().toZoneId())
                .format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The time zone the dates are shown in, e.g. {@code UTC} or {@code CET}. */
    public String zone() {
        return LocaleContextHolder.getTimeZone()
                .toZoneId()
                .getDisplayName(java.time.format.TextStyle.SHORT, LocaleContextHolder.getLocale());
    }
}
