package org.aftercart.admin;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.notifications.MessageKind;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * The console's form for a customer's contact preferences as an agent submitted it: plain strings,
 * checked before anything is written. Marketing consent can only be kept or withdrawn here: consent
 * must come from the customer themself, so an agent never gives it.
 */
record ContactPreferencesForm(
        String preferredChannel,
        Map<String, String> channelByKind,
        String quietHoursStart,
        String quietHoursEnd,
        String timeZone,
        String language,
        boolean marketingConsent) {

    /** The kinds of message the customer may route to a channel of their own, as in their account. */
    static final List<String> CHOOSABLE_KINDS = Stream.of(
                    MessageKind.ORDER_CONFIRMED,
                    MessageKind.ORDER_CHANGED,
                    MessageKind.SHIPPED,
                    MessageKind.OUT_FOR_DELIVERY,
                    MessageKind.DELIVERED,
                    MessageKind.DELAYED,
                    MessageKind.READY_FOR_PICKUP,
                    MessageKind.REFUND_ISSUED,
                    MessageKind.RETURN_APPROVED)
            .map(MessageKind::key)
            .toList();

    static ContactPreferencesForm of(ContactPreferences preferences) {
        Map<String, String> byKind = new HashMap<>();
        preferences.channelByKind().forEach((kind, channel) -> byKind.put(kind, channel.name()));
        return new ContactPreferencesForm(
                preferences.preferredChannel().name(),
                byKind,
                preferences.quietHoursStart() == null
                        ? ""
                        : preferences.quietHoursStart().toString(),
                preferences.quietHoursEnd() == null
                        ? ""
                        : preferences.quietHoursEnd().toString(),
                preferences.timeZone() == null ? "" : preferences.timeZone().getId(),
                preferences.language(),
                preferences.marketingConsent());
    }

    static ContactPreferencesForm from(Map<String, String> form) {
        Map<String, String> byKind = new HashMap<>();
        for (String kind : CHOOSABLE_KINDS) {
            String channel = form.getOrDefault("channel-" + kind, "");
            if (!channel.isBlank()) {
                byKind.put(kind, channel);
            }
        }
        return new ContactPreferencesForm(
                form.getOrDefault("preferredChannel", ""),
                byKind,
                form.getOrDefault("quietHoursStart", "").strip(),
                form.getOrDefault("quietHoursEnd", "").strip(),
                form.getOrDefault("timeZone", "").strip(),
                form.getOrDefault("language", ""),
                "on".equals(form.get("marketingConsent")) || "true".equals(form.get("marketingConsent")));
    }

    /** For the page: the channel chosen for a kind, empty when the preferred channel applies. */
    public String channelFor(String kind) {
        return channelByKind.getOrDefault(kind, "");
    }

    /** Message keys of what is wrong, in the order of the form's fields; consent given is one. */
    List<String> errors(ContactPreferences current) {
        List<String> errors = new ArrayList<>();
        if (channel(preferredChannel) == null
                || channelByKind.values().stream().anyMatch(channel -> channel(channel) == null)) {
            errors.add("customer-preferences.error.channel");
        }
        LocalTime start = time(quietHoursStart);
        LocalTime end = time(quietHoursEnd);
        if ((!quietHoursStart.isEmpty() && start == null)
                || (!quietHoursEnd.isEmpty() && end == null)
                || quietHoursStart.isEmpty() != quietHoursEnd.isEmpty()) {
            errors.add("customer-preferences.error.quiet-hours");
        }
        if (!timeZone.isEmpty() && zone(timeZone) == null) {
            errors.add("customer-preferences.error.time-zone");
        }
        if (Languages.SUPPORTED.stream()
                .noneMatch(supported -> supported.getLanguage().equals(language))) {
            errors.add("customer-preferences.error.language");
        }
        if (marketingConsent && !current.marketingConsent()) {
            errors.add("customer-preferences.error.consent");
        }
        return errors;
    }

    /** What the agent chose, keeping the current choices for kinds this form does not list. */
    ContactPreferences toPreferences(ContactPreferences current) {
        Map<String, ContactChannel> byKind = new HashMap<>();
        current.channelByKind().forEach((kind, channel) -> {
            if (!CHOOSABLE_KINDS.contains(kind)) {
                byKind.put(kind, channel);
            }
        });
        channelByKind.forEach((kind, channel) -> byKind.put(kind, channel(channel)));
        return new ContactPreferences(
                channel(preferredChannel),
                byKind,
                marketingConsent && current.marketingConsent(),
                time(quietHoursStart),
                time(quietHoursEnd),
                timeZone.isEmpty() ? null : zone(timeZone),
                language);
    }

    private static @Nullable ContactChannel channel(String name) {
        for (ContactChannel channel : ContactChannel.values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        return null;
    }

    private static @Nullable LocalTime time(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
