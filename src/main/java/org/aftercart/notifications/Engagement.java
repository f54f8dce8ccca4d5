package org.aftercart.notifications;

import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, clicks and unsubscribes, counted only for addresses signed for their message. */
@Service
public class Engagement {

    private final Messages messages;
    private final EngagementLinks links;
    private final Customers customers;

    Engagement(Messages messages, EngagementLinks links, Customers customers) {
        this.messages = messages;
        this.links = links;
        this.customers = customers;
    }

    public void opened(UUID message, String signature) {
        if (links.verifyOpen(message, signature)) {
            messages.recordEngagement(message, "OPEN", null);
        }
    }

    /** Whether the click was signed for this target (only then may the visitor be sent there). */
    public boolean clicked(UUID message, String target, String signature) {
        if (!links.verifyClick(message, target, signature)) {
            return false;
        }
        messages.recordEngagement(message, "CLICK", target);
        return true;
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
