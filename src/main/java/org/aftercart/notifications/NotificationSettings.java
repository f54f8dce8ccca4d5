package org.aftercart.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages are routed and delivered ({@code aftercart.notifications.*}).
 *
 * @param dispatch whether this instance delivers messages (they are written either way)
 * @param from the e-mails' From address
 * @param quietHoursStart non-urgent messages wait while the customer's clock is between this and
 *     {@code quietHoursEnd}, unless the customer chose their own quiet hours
 * @param defaultTimeZone the customer's clock when the customer has not given a time zone
 * @param contactBudget marketing messages one customer receives at most per {@code budgetPeriod},
 *     from every module together
 * @param digestWindow parcel news waits this long, so that parcels of one order that move together
 *     are told in one digest
 * @param newsWithin facts older than this when they reach Aftercart (a late carrier event, an order
 *     imported from another system) send no message
 * @param pollEvery how often due messages are looked for when no commit wakes the dispatcher
 * @param batchSize messages taken per round
 * @param parallelism messages handed to providers at the same time
 * @param claimLease how long an instance may take to hand a message over before another takes it over
 * @param maxAttempts automatic attempts before a message is FAILED and waits for an agent
 * @param firstRetry the wait after the first failed attempt, doubled for each further one up to
 *     {@code maxRetry}
 */
@ConfigurationProperties("aftercart.notifications")
record NotificationSettings(
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("Aftercart Demo Shop <orders@aftercart.demo>") String from,
        @DefaultValue("21:00") LocalTime quietHoursStart,
        @DefaultValue("08:00") LocalTime quietHoursEnd,
        @DefaultValue("Europe/London") ZoneId defaultTimeZone,
        @DefaultValue("3") int contactBudget,
        @DefaultValue("7d") Duration budgetPeriod,
        @DefaultValue("PT2M") Duration digestWindow,
        @DefaultValue("P2D") Duration newsWithin,
        @DefaultValue("PT1S") Duration pollEvery,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int parallelism,
        @DefaultValue("PT2M") Duration claimLease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetry) {

    NotificationSettings {
        if (contactBudget < 0 || batchSize < 1 || parallelism < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "aftercart.notifications: contact-budget must be >= 0; batch-size, parallelism and max-attempts >= 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    /**
     * The back-off, or longer when the provider asked for it ({@code Retry-After}); a provider's
     * wish is followed up to a day, so that a wrong header cannot park a message for good.
     */
    Duration waitBeforeRetry(int attempt, @Nullable Duration providerAsked) {
        Duration backoff = backoff(attempt);
        if (providerAsked == null || providerAsked.compareTo(backoff) <= 0) {
            return backoff;
        }
        return providerAsked.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : providerAsked;
    }

    Duration backoff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
