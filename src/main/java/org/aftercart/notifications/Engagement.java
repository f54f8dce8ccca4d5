package org.aftercart.notifications;

import java.time.Clock;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, clicks and unsubscribes, counted only for addresses signed for their message. */
@Service
public class Engagement {

    private final Messages messages;
    private final EngagementLinks links;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Engagement(
            Messages messages,
            EngagementLinks links,
            Customers customers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.messages = messages;
        this.links = links;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void opened(UUID message, String signature) {
        if (links.verifyOpen(message, signature) && messages.recordEngagement(message, "OPEN", null)) {
            announce(message, false);
        }
    }

    /** Whether the click was signed for this target (only then may the visitor be sent there). */
    @Transactional
    public boolean clicked(UUID message, String target, String signature) {
        if (!links.verifyClick(message, target, signature)) {
            return false;
        }
        if (messages.recordEngagement(message, "CLICK", target)) {
            announce(message, true);
        }
        return true;
    }

    /** The first open or click, for the customer's timeline (not for webhooks, which are no messages to a person). */
    private void announce(UUID message, boolean clicked) {
        messages.find(message)
                .filter(row -> !row.webhook())
                .ifPresent(row -> events.publishEvent(new MessageEngaged(
                        row.id(), row.customerId(), row.orderId(), row.kind(), clicked, clock.instant())));
    }

    public boolean canUnsubscribe(UUID message, String signature) {
        return links.verifyUnsubscribe(message, signature)
                && messages.find(message).map(row -> row.customerId() != null).orElse(false);
    }

    /** Withdraws the marketing consent of the message's customer; transactional messages still come. */
    @Transactional
    public boolean unsubscribe(UUID message, String signature) {
        if (!canUnsubscribe(message, signature)) {
            return false;
        }
        MessageRow row = messages.find(message).orElseThrow();
        customers.withdrawMarketingConsent(new CustomerId(row.customerId()));
        messages.recordEngagement(message, "UNSUBSCRIBE", null);
        return true;
    }
}
