package org.aftercart.notifications;

import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What providers report after they took a message (an SMS provider's status callbacks): it reached
 * the recipient, or it bounced. Messages are found by the provider's id for them; reports about
 * messages Aftercart does not know are ignored. For the module's channel adapters.
 */
@Component
public class DeliveryReports {

    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryReports(Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The sent message never reached the recipient: it becomes undeliverable, with {@code reason},
     * and the customer's timeline hears of it. Returns whether a sent message was found (a repeated
     * report finds it undeliverable already and changes nothing).
     */
    @Transactional
    public boolean bounced(String channel, String providerId, String reason) {
        Optional<MessageRow> bounced = messages.bounced(channel, providerId, reason);
        bounced.ifPresent(message -> events.publishEvent(new MessageUndeliverable(
                message.id(), message.customerId(), message.orderId(), message.kind(), reason, clock.instant())));
        return bounced.isPresent();
    }

    /** The sent message reached the recipient's device. Returns whether a sent message was found. */
    public boolean delivered(String channel, String providerId) {
        return messages.delivered(channel, providerId);
    }
}
