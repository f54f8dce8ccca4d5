package org.aftercart.customers;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a customer wants to be reached: the notifications module routes every message by these.
 *
 * @param channelByKind a channel chosen for one kind of message, by the kind's key, over {@code
 *     preferredChannel}
 * @param quietHoursStart with {@code quietHoursEnd}, the customer's own quiet hours on their clock;
 *     both {@code null} when the shop's default applies
 * @param timeZone the customer's time zone; {@code null} when unknown
 */
public record ContactPreferences(
        ContactChannel preferredChannel,
        Map<String, ContactChannel> channelByKind,
        boolean marketingConsent,
        @Nullable LocalTime quietHoursStart,
        @Nullable LocalTime quietHoursEnd,
        @Nullable ZoneId timeZone,
        String language) {

    public ContactPreferences {
        channelByKind = Map.copyOf(channelByKind);
        if ((quietHoursStart == null) != (quietHoursEnd == null)) {
            throw new IllegalArgumentException("Quiet hours need both a start and an end");
        }
    }

    /** The channel for a kind of message: the one chosen for it, else the preferred one. */
    public ContactChannel channelFor(String messageKind) {
        return channelByKind.getOrDefault(messageKind, preferredChannel);
    }
}
