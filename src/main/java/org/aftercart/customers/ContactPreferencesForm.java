package org.aftercart.customers;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * A contact-preferences form as submitted, by the customer on their account page or by an agent in
 * the console: plain strings, checked before anything is written. Each page words the problems in
 * its own messages and decides what marketing consent it may set.
 */
public record ContactPreferencesForm(
        String preferredChannel,
        Map<String, String> channelByKind,
        String quietHoursStart,
        String quietHoursEnd,
        String timeZone,
        String language,
        boolean marketingConsent) {

    /**
     * The customer-facing kinds of message (notifications' keys) a customer may route to a channel
     * of their own; choices for other kinds, made elsewhere, are kept.
     */
    public static final List<String> CHOOSABLE_KINDS = List.of(
            "order-confirmed",
            "order-changed",
            "shipped",
            "out-for-delivery",
            "delivered",
            "delayed",
            "ready-for-pickup",
            "refund-issued",
            "return-approved");

    public static ContactPreferencesForm of(ContactPreferences preferences) {
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

    public static ContactPreferencesForm from(Map<String, String> form) {
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

    /**
     * What is wrong, in the order of the form's fields, as codes each page turns into its own
     * message keys: {@code channel}, {@code quiet-hours}, {@code time-zone}, {@code language}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (channel(preferredChannel) == null
                || channelByKind.values().stream().anyMatch(channel -> channel(channel) == null)) {
            problems.add("channel");
        }
        LocalTime start = time(quietHoursStart);
        LocalTime end = time(quietHoursEnd);
        if ((!quietHoursStart.isEmpty() && start == null)
                || (!quietHoursEnd.isEmpty() && end == null)
                || quietHoursStart.isEmpty() != quietHoursEnd.isEmpty()) {
            problems.add("quiet-hours");
        }
        if (!timeZone.isEmpty() && zone(timeZone) == null) {
            problems.add("time-zone");
        }
        if (Languages.SUPPORTED.stream()
                .noneMatch(supported -> supported.getLanguage().equals(language))) {
            problems.add("language");
        }
        return problems;
    }

    /**
     * The preferences to save, with the marketing consent the page may set; choices for kinds this
     * form does not list stay as they are. Call only when {@link #problems} found nothing.
     */
    public ContactPreferences toPreferences(ContactPreferences current, boolean consent) {
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
                consent,
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
