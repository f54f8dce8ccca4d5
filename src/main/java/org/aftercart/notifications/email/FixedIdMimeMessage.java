package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A MIME message whose Message-ID is ours, not one made up by Jakarta Mail when it is saved. An SMTP
 * message, so that it can carry its own envelope sender over a pooled connection.
 */
class FixedIdMimeMessage extends SMTPMessage {

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
