package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours on the customer's clock, as a table: when a non-urgent message due then may go. */
class QuietHoursTests {

    @ParameterizedTest(name = "{0}–{1} in {2}: due {3} goes at {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "now",
            textBlock =
                    """
            # start | end   | zone             | due (UTC)            | goes at (UTC)
            21:00   | 08:00 | Europe/London    | 2026-11-23T12:00:00Z | now
            21:00   | 08:00 | Europe/London    | 2026-11-23T20:59:59Z | now
            21:00   | 08:00 | Europe/London    | 2026-11-23T21:00:00Z | 2026-11-24T08:00:00Z
            21:00   | 08:00 | Europe/London    | 2026-11-24T03:00:00Z | 2026-11-24T08:00:00Z
            21:00   | 08:00 | Europe/London    | 2026-11-24T08:00:00Z | now
            # 03:00 in Paris is 02:00 UTC in winter; the morning there is 07:00 UTC.
            21:00   | 08:00 | Europe/Paris     | 2026-11-24T02:00:00Z | 2026-11-24T07:00:00Z
            # 3 a.m. in Sydney is 16:00 UTC the day before (summer time, UTC+11).
            21:00   | 08:00 | Australia/Sydney | 2026-11-23T16:00:00Z | 2026-11-23T21:00:00Z
            # New York: 23:30 local (04:30 UTC); 8:00 local is 13:00 UTC.
            22:00   | 07:00 | America/New_York | 2026-11-24T04:30:00Z | 2026-11-24T12:00:00Z
            # A window that does not cross midnight.
            13:00   | 14:00 | UTC              | 2026-11-23T13:30:00Z | 2026-11-23T14:00:00Z
            13:00   | 14:00 | UTC              | 2026-11-23T14:00:00Z | now
            # Start equal to end: no quiet hours.
            00:00   | 00:00 | UTC              | 2026-11-23T03:00:00Z | now
            # The night clocks go back in London (25-hour day): still the morning after.
            21:00   | 08:00 | Europe/London    | 2026-10-25T00:30:00Z | 2026-10-25T08:00:00Z
            # The night clocks go forward in Paris: 8:00 is 06:00 UTC (CEST).
            21:00   | 08:00 | Europe/Paris     | 2026-03-29T00:30:00Z | 2026-03-29T06:00:00Z
            """)
    void aNonUrgentMessageWaitsUntilTheQuietHoursEnd(
            LocalTime start, LocalTime end, String zone, Instant due, Instant goesAt) {
        QuietHours quiet = new QuietHours(start, end, ZoneId.of(zone));

        assertThat(quiet.holdUntil(due).orElse(null)).isEqualTo(goesAt);
    }
}
