package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Optional;
import org.aftercart.notifications.MessageSender;
import org.aftercart.notifications.OutgoingMessage;
import org.aftercart.notifications.SendResult;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mails over SMTP (Spring Mail, {@code spring.mail.*}) as multipart/alternative: a text part
 * and an HTML part. The Message-ID is made from the message's id, so a message sent again after an
 * attempt whose outcome is unknown carries the same Message-ID, which mail stores use to drop the
 * copy. A permanent SMTP refusal (5xx: mailbox unknown, refused) makes it undeliverable; anything
 * else is tried again later.
 */
@Component
class EmailSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final @Nullable JavaMailSender mail;
    private final InternetAddress from;

    EmailSender(ObjectProvider<JavaMailSender> mail, @Value("${aftercart.notifications.from}") String from)
            throws MessagingException {
        this.mail = mail.getIfAvailable();
        this.from = new InternetAddress(from, true);
        if (this.mail == null) {
            log.warn("spring.mail.host is not set: e-mails wait in the queue until an SMTP server is configured.");
        }
    }

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (mail == null) {
            return SendResult.retry("No SMTP server is configured (spring.mail.host).");
        }
        try {
            MimeMessage mime = mime(message);
            mail.send(mime);
            return SendResult.sent(mime.getMessageID());
        } catch (MailAuthenticationException e) {
            return SendResult.retry("The SMTP server refused the login: " + e.getMessage());
        } catch (MailSendException e) {
            return failure(e);
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            return SendResult.retry(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        MimeMessage mime = new FixedIdMimeMessage(mail.createMimeMessage(), "<" + message.id() + "@" + domain + ">");
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject() == null ? "" : message.subject());
        if (message.html() == null) {
            helper.setText(message.text(), false);
        } else {
            helper.setText(message.text(), message.html());
        }
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    /** A 5xx for the recipient is final; a 4xx, a refused connection or a timeout is tried again. */
    private static SendResult failure(MailSendException e) {
        Optional<Exception> cause = e.getFailedMessages().values().stream().findFirst();
        Throwable reason = cause.isPresent() ? cause.get() : e.getCause();
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return SendResult.rejected("The mail server refused the address: "
                        + address.getMessage().strip());
            }
            if (t instanceof SMTPSendFailedException smtp && smtp.getReturnCode() >= 500) {
                return SendResult.rejected("The mail server refused the message: "
                        + smtp.getMessage().strip());
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return SendResult.unknown("The mail server did not answer in time: " + t.getMessage());
            }
        }
        String detail = reason == null ? e.getMessage() : reason.getMessage();
        return SendResult.retry(
                "The mail server could not take it: " + (detail == null ? e.toString() : detail.strip()));
    }
}
