package org.aftercart.notifications;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a provider made of a message.
 *
 * @param providerId the provider's own id for it, when it gave one
 * @param detail what went wrong, in words an agent can read
 * @param retryAfter how long the provider asked to be left alone (HTTP {@code Retry-After}), when
 *     it said; the next attempt waits at least that long
 */
public record SendResult(
        Outcome outcome, @Nullable String providerId, @Nullable String detail, @Nullable Duration retryAfter) {

    public enum Outcome {
        /** The provider took it. */
        SENT,
        /** It did not go out, and may if tried again later (provider down, throttled, 4xx SMTP). */
        RETRY,
        /** It never will (mailbox unknown, invalid number, endpoint gone): undeliverable. */
        REJECTED,
        /** The provider may or may not have taken it (timeout after sending): checked before a retry. */
        UNKNOWN
    }

    public static SendResult sent(@Nullable String providerId) {
        return new SendResult(Outcome.SENT, providerId, null, null);
    }

    public static SendResult retry(String detail) {
        return new SendResult(Outcome.RETRY, null, detail, null);
    }

    public static SendResult retry(String detail, @Nullable Duration retryAfter) {
        return new SendResult(Outcome.RETRY, null, detail, retryAfter);
    }

    public static SendResult rejected(String detail) {
        return new SendResult(Outcome.REJECTED, null, detail, null);
    }

    public static SendResult unknown(String detail) {
        return new SendResult(Outcome.UNKNOWN, null, detail, null);
    }
}
