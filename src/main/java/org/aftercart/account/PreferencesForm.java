package org.aftercart.account;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * The account page's preferences form as submitted: plain strings, checked before anything is
 * written. Public for the page template only.
 */
public record PreferencesForm(
        String preferredChannel,
        Map<String, String> channelByKind,
        String quietHoursStart,
        String quietHoursEnd,
        String timeZone,
        String language,
        boolean marketingConsent) {

    static PreferencesForm of(ContactPreferences preferences) {
        Map<String, String> byKind = new HashMap<>();
        preferences.channelByKind().forEach((kind, channel) -> byKind.put(kind, channel.name()));
        return new PreferencesForm(
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

    static PreferencesForm from(Map<String, String> form) {
        Map<String, String> byKind = new HashMap<>();
        for (String kind : AccountController.CHOOSABLE_KINDS) {
            String channel = form.getOrDefault("channel-" + kind, "");
            if (!channel.isBlank()) {
                byKind.put(kind, channel);
            }
        }
        return new PreferencesForm(
                form.getOrDefault("preferredChannel", ""),
                byKind,
                form.getOrDefault("quietHoursStart", "").strip(),
                form.getOrDefault("quietHoursEnd", "").strip(),
                form.getOrDefault("timeZone", "").strip(),
                form.getOrDefault("language", ""),
                "on".equals(form.get("marketingConsent")) || "true".equals(form.get("marketingConsent")));
    }

    public String channelFor(String kind) {
        return channelByKind.getOrDefault(kind, "");
    }

    /** Message keys of what is wrong, in the order of the form's fields. */
    List<String> errors() {
        List<String> errors = new java.util.ArrayList<>();
        if (channel(preferredChannel) == null
                || channelByKind.values().stream().anyMatch(channel -> channel(channel) == null)) {
            errors.add("account.preferences.error.channel");
        }
        LocalTime start = time(quietHoursStart);
        LocalTime end = time(quietHoursEnd);
        if ((!quietHoursStart.isEmpty() && start == null)
                || (!quietHoursEnd.isEmpty() && end == null)
                || quietHoursStart.isEmpty() != quietHoursEnd.isEmpty()) {
            errors.add("account.preferences.error.quiet-hours");
        }
        if (!timeZone.isEmpty() && zone(timeZone) == null) {
            errors.add("account.preferences.error.time-zone");
        }
        if (Languages.SUPPORTED.stream()
                .noneMatch(supported -> supported.getLanguage().equals(language))) {
            errors.add("account.preferences.error.language");
        }
        return errors;
    }

    /** What the customer chose, keeping what this form does not show of the current preferences. */
    ContactPreferences toPreferences(ContactPreferences current) {
        Map<String, ContactChannel> byKind = new HashMap<>();
        // Choices made elsewhere (an agent, another page) for kinds this form does not list stay.
        current.channelByKind().forEach((kind, channel) -> {
            if (!AccountController.CHOOSABLE_KINDS.contains(kind)) {
                byKind.put(kind, channel);
            }
        });
        channelByKind.forEach((kind, channel) -> byKind.put(kind, channel(channel)));
        return new ContactPreferences(
                channel(preferredChannel),
                byKind,
                marketingConsent,
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
