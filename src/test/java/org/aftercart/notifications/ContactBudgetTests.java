package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one contact budget, as a table: may another marketing message go now? */
class ContactBudgetTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "{0} per {1}, sent {2} hours ago: {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # budget | period | sent (hours ago)  | verdict
            3        | P7D    | none              | allowed
            3        | P7D    | 1 30              | allowed
            3        | P7D    | 1 30 100          | Contact budget used: 3 marketing messages in the last 7 days.
            # One of the three left the 7-day window: room again.
            3        | P7D    | 1 30 169          | allowed
            # Exactly 7 days ago is outside the window.
            3        | P7D    | 1 30 168          | allowed
            1        | P1D    | 23                | Contact budget used: 1 marketing messages in the last 1 days.
            1        | P1D    | 25                | allowed
            # A budget of zero: no marketing at all.
            0        | P7D    | none              | Contact budget used: 0 marketing messages in the last 7 days.
            5        | PT12H  | 1 2 3 4 5         | Contact budget used: 5 marketing messages in the last 12 hours.
            """)
    void anotherMarketingMessageGoesOnlyWithinTheBudget(
            int budget, Duration period, String sentHoursAgo, String verdict) {
        List<Instant> sent = "none".equals(sentHoursAgo)
                ? List.of()
                : Arrays.stream(sentHoursAgo.split(" "))
                        .map(hours -> NOW.minus(Duration.ofHours(Long.parseLong(hours))))
                        .toList();

        String actual = new ContactBudget(budget, period).refusal(sent, NOW).orElse("allowed");

        assertThat(actual).isEqualTo(verdict);
    }
}
