package org.aftercart.notifications;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rendered message ready for its provider.
 *
 * @param id the message's id: the idempotency key for providers that take one, the e-mail's
 *     Message-ID, the webhook's {@code webhook-id}
 * @param recipient an e-mail address, an E.164 phone number, or a webhook endpoint's id
 * @param html the e-mail's HTML part; {@code null} for SMS and webhooks
 * @param text the e-mail's text part, the SMS, or the webhook's JSON body
 * @param kind the message kind's key, or the webhook's event type
 * @param attempt this attempt's number, from 1
 * @param previousAttemptUncertain an earlier attempt was cut off after the provider may have taken
 *     the message (a timeout, a crash): check with the provider before sending it again
 */
public record OutgoingMessage(
        UUID id,
        String channel,
        String recipient,
        @Nullable String subject,
        @Nullable String html,
        String text,
        String kind,
        Map<String, String> headers,
        int attempt,
        boolean previousAttemptUncertain) {

    public OutgoingMessage {
        headers = Map.copyOf(headers);
    }
}
