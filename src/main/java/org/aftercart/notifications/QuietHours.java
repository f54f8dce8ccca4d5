package org.aftercart.notifications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window on the customer's clock in which non-urgent messages wait. The window may cross
 * midnight (21:00–08:00) or not (13:00–14:00); start equal to end means no quiet hours.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    boolean contains(Instant instant) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When a message due at {@code instant} may go: empty when it may go then. */
    Optional<Instant> holdUntil(Instant instant) {
        if (!contains(instant)) {
            return Optional.empty();
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDateTime endToday = local.toLocalDate().atTime(end);
        LocalDateTime until = local.toLocalTime().isBefore(end) ? endToday : endToday.plusDays(1);
        // A gap (clocks going forward) moves the time later, an overlap takes the earlier offset.
        return Optional.of(until.atZone(zone).toInstant());
    }
}
