package org.aftercart.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as the console and the API show it, with its attempts when asked for one message.
 *
 * @param reason why it waits, was not sent, or failed, in words an agent can read
 */
public record MessageView(
        UUID id,
        String kind,
        String purpose,
        MessageStatus status,
        @Nullable UUID customerId,
        @Nullable UUID orderId,
        @Nullable String channel,
        @Nullable String recipient,
        @Nullable String subject,
        @Nullable String reason,
        int attempts,
        Instant createdAt,
        Instant dueAt,
        @Nullable Instant sentAt,
        @Nullable Instant openedAt,
        int clicks,
        List<Attempt> attemptLog) {

    public MessageView {
        attemptLog = List.copyOf(attemptLog);
    }

    public record Attempt(
            int number,
            String channel,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String outcome,
            @Nullable String detail,
            @Nullable String providerId) {}
}
