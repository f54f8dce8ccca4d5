package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose Message-ID is ours, not one made up by Jakarta Mail when it is saved. */
class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
