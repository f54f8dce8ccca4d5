package org.aftercart.demo;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail or text the demo caught instead of sending it.
 *
 * @param id {@code email-<n>} or {@code sms-<n>}, for its page
 * @param subject e-mails only
 * @param html e-mails with an HTML part only
 */
record CaughtMessage(
        String id,
        String channel,
        String recipient,
        @Nullable String subject,
        Instant receivedAt,
        @Nullable String html,
        String text,
        List<Header> headers) {

    record Header(String name, String value) {}

    /** What the list shows: the subject, or the start of a text. */
    public String title() {
        if (subject != null) {
            return subject;
        }
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
