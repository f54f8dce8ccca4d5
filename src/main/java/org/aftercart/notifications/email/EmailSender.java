package org.aftercart.notifications.email;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.SocketTimeoutException;
import java.util.Date;
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
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends e-mails over SMTP (the server of {@code spring.mail.*}, on connections kept open between
 * messages) with a text part and an HTML part. The Message-ID is made from the message's id, so a message sent again after an
 * attempt whose outcome is unknown carries the same Message-ID, which mail stores use to drop the
 * copy. A permanent SMTP refusal (5xx: mailbox unknown, refused) makes it undeliverable; anything
 * else is tried again later. With {@code aftercart.notifications.bounces.address} set, that address is
 * the envelope sender, so that bounces arriving later come back there ({@link BounceMailbox}).
 */
@Component
class EmailSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    static {
        // Without this setting Jakarta Mail finds its stream provider by a ServiceLoader scan of
        // the class path for every body part it creates or parses: a tenth of the CPU of sending
        // an e-mail. Named here, it is loaded by name instead.
        String streamProvider = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(streamProvider) == null) {
            System.setProperty(streamProvider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final @Nullable JavaMailSenderImpl mail;
    private final @Nullable SmtpConnections connections;
    private final InternetAddress from;
    private final @Nullable String envelopeFrom;

    EmailSender(
            ObjectProvider<JavaMailSenderImpl> mail,
            @Value("${aftercart.notifications.from}") String from,
            BounceSettings bounces)
            throws MessagingException {
        this.mail = mail.getIfAvailable();
        this.connections = this.mail == null ? null : new SmtpConnections(this.mail);
        this.from = new InternetAddress(from, true);
        this.envelopeFrom =
                bounces.address() == null ? null : new InternetAddress(bounces.address(), true).getAddress();
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
        if (mail == null || connections == null) {
            return SendResult.retry("No SMTP server is configured (spring.mail.host).");
        }
        MimeMessage mime;
        try {
            mime = mime(message);
            mime.saveChanges();
        } catch (MessagingException e) {
            return SendResult.rejected("The e-mail could not be written: " + e.getMessage());
        }
        Transport transport;
        try {
            transport = connections.take();
        } catch (MessagingException e) {
            return SendResult.retry("The mail server could not take it: " + describe(e));
        }
        try {
            transport.sendMessage(mime, mime.getAllRecipients());
            connections.giveBack(transport);
            return SendResult.sent(mime.getMessageID());
        } catch (MessagingException e) {
            connections.discard(transport);
            return failure(e);
        }
    }

    @PreDestroy
    void closeConnections() {
        if (connections != null) {
            connections.close();
        }
    }

    /**
     * The message as multipart/alternative, text first (the fallback), HTML last (preferred). Built
     * with Jakarta Mail directly: Spring's MimeMessageHelper loads a MIME type map per message,
     * which cost more than the rest of the message together.
     */
    private MimeMessage mime(OutgoingMessage message) throws MessagingException {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        FixedIdMimeMessage mime = new FixedIdMimeMessage(mail.getSession(), "<" + message.id() + "@" + domain + ">");
        if (envelopeFrom != null) {
            // MAIL FROM, which becomes the Return-Path: where remote servers send their bounces.
            mime.setEnvelopeFrom(envelopeFrom);
        }
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject() == null ? "" : message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        if (message.html() == null) {
            mime.setText(message.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    /**
     * A 5xx for the recipient or the message is final; a timeout once the message may have been
     * taken is unknown; anything else (4xx, refused connection, dropped line) is tried again.
     */
    private static SendResult failure(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return SendResult.rejected("The mail server refused the address: "
                        + address.getMessage().strip());
            }
            if (t instanceof SMTPSendFailedException smtp && smtp.getReturnCode() >= 500) {
                return SendResult.rejected("The mail server refused the message: "
                        + smtp.getMessage().strip());
            }
            if (t instanceof SocketTimeoutException) {
                return SendResult.unknown("The mail server did not answer in time: " + t.getMessage());
            }
        }
        return SendResult.retry("The mail server could not take it: " + describe(e));
    }

    private static String describe(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return detail.strip();
    }
}
