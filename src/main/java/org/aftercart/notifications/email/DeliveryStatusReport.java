package org.aftercart.notifications.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a delivery status notification (RFC 3464) says about one e-mail Aftercart sent.
 *
 * @param originalMessageId the Message-ID of the e-mail it reports on, from the headers it returns;
 *     null when it returns none
 * @param recipients one entry per recipient it reports on
 */
record DeliveryStatusReport(@Nullable String originalMessageId, List<Recipient> recipients) {

    DeliveryStatusReport {
        recipients = List.copyOf(recipients);
    }

    /** The recipients the e-mail could not be delivered to (Action: failed). */
    List<Recipient> failed() {
        return recipients.stream().filter(Recipient::failed).toList();
    }

    /**
     * One recipient's fields.
     *
     * @param recipient the Final-Recipient (or Original-Recipient) without its address type
     * @param action failed, delayed, delivered, relayed or expanded
     * @param status the RFC 3463 status code, e.g. {@code 5.1.1}
     * @param diagnostic the remote server's own words ({@code smtp; 550 5.1.1 … User unknown})
     */
    record Recipient(
            @Nullable String recipient, @Nullable String action, @Nullable String status, @Nullable String diagnostic) {

        /** Some RFC 3463 codes in words, for a reason an agent can read when the server gave none. */
        private static final Map<String, String> CODES = Map.of(
                "1.1", "the mailbox does not exist",
                "1.2", "the recipient's domain does not exist",
                "2.1", "the mailbox is disabled",
                "2.2", "the mailbox is full",
                "4.7", "delivery took too long and was given up",
                "7.1", "the recipient's server refused the sender");

        /**
         * Failed, for good. A 4.x.x status with Action: failed means the reporting server gave up
         * after temporary failures, which for the customer is the same: the e-mail will not arrive.
         */
        boolean failed() {
            return action != null && action.strip().toLowerCase(Locale.ROOT).startsWith("failed");
        }

        /** E.g. "The recipient's mail server reported 5.1.1: smtp; 550 5.1.1 <x@y>: User unknown". */
        String reason() {
            String code = status == null ? "" : status.strip().split("\\s+")[0];
            StringBuilder reason = new StringBuilder("The recipient's mail server reported");
            reason.append(code.isEmpty() ? " a failure" : " " + code);
            if (code.startsWith("4.")) {
                reason.append(" and gave up retrying");
            }
            if (diagnostic != null && !diagnostic.isBlank()) {
                reason.append(": ").append(diagnostic.strip());
            } else {
                String words = code.length() > 2 ? CODES.get(code.substring(2)) : null;
                if (words != null) {
                    reason.append(" (").append(words).append(")");
                }
            }
            String text = reason.toString();
            return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
        }
    }
}
