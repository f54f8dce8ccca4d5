package org.aftercart.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code messages} marketing messages per customer in any {@code period}, counted across
 * every module that asks for one (reviews, loyalty, offers): the customer's inbox does not know
 * which of our modules sent what.
 */
record ContactBudget(int messages, Duration period) {

    /**
     * Why another marketing message may not go now, given when the recent ones went (or, in flight,
     * began to); empty when it may.
     */
    Optional<String> refusal(List<Instant> recent, Instant now) {
        long inPeriod =
                recent.stream().filter(at -> at.isAfter(now.minus(period))).count();
        if (inPeriod < messages) {
            return Optional.empty();
        }
        return Optional.of(
                "Contact budget used: " + inPeriod + " marketing messages in the last " + describe(period) + ".");
    }

    private static String describe(Duration period) {
        long days = period.toDays();
        return days > 0 && period.equals(Duration.ofDays(days)) ? days + " days" : period.toHours() + " hours";
    }
}
