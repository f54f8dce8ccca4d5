package org.aftercart.notifications;

/**
 * Hands a message to one channel's provider (SMTP server, SMS provider, a merchant's webhook
 * endpoint). Called after commit, outside any database transaction, at most once at a time per
 * message. An implementation never throws for a provider's failure: it says what happened.
 */
public interface MessageSender {

    /** {@code EMAIL}, {@code SMS} or {@code WEBHOOK}. */
    String channel();

    SendResult send(OutgoingMessage message);
}
