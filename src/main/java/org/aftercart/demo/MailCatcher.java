package org.aftercart.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's SMTP server: an in-process GreenMail on {@code spring.mail.host} and {@code
 * spring.mail.port}, so every e-mail the demo sends is caught here and shown in the console instead
 * of reaching anyone. Started in an early lifecycle phase, before the notification dispatcher.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication // not when the same build runs a command-line import
class MailCatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private final String host;
    private final int port;
    private @Nullable GreenMail server;

    MailCatcher(MailProperties mail) {
        if (mail.getHost() == null || mail.getPort() == null) {
            throw new IllegalStateException("The demo's mail catcher needs spring.mail.host and spring.mail.port");
        }
        this.host = mail.getHost();
        this.port = mail.getPort();
    }

    @Override
    public synchronized void start() {
        ensurePortIsFree();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        server = greenMail;
        log.info(
                "Demo mail catcher listening on {}:{}: caught e-mails and texts are at /console/mail-catcher",
                host,
                port);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Before the notification dispatcher (default phase) starts, after it stops. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** Newest first. */
    List<CaughtMessage> emails() {
        GreenMail greenMail;
        synchronized (this) {
            greenMail = server;
        }
        if (greenMail == null) {
            return List.of();
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<CaughtMessage> emails = new ArrayList<>(received.length);
        for (int i = 0; i < received.length; i++) {
            emails.add(caught(i, received[i]));
        }
        Collections.reverse(emails);
        return emails;
    }

    /** GreenMail's own failure to bind says little; a demo user needs to know which setting to change. */
    private void ensurePortIsFree() {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            probe.setReuseAddress(true);
        } catch (BindException inUse) {
            throw new IllegalStateException("The demo's mail catcher cannot listen on " + host + ":" + port
                    + ": the port is in use (another demo running?). Start the demo with"
                    + " AFTERCART_DEMO_SMTP_PORT set to a free port.");
        } catch (IOException e) {
            throw new IllegalStateException("The demo's mail catcher cannot listen on " + host + ":" + port, e);
        }
    }

    private static CaughtMessage caught(int index, MimeMessage mime) {
        try {
            Parts parts = new Parts();
            parts.read(mime);
            Date sent = mime.getSentDate();
            List<CaughtMessage.Header> headers = new ArrayList<>();
            for (Header header : Collections.list(mime.getAllHeaders())) {
                headers.add(new CaughtMessage.Header(header.getName(), header.getValue()));
            }
            String to = Arrays.stream(mime.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new CaughtMessage(
                    "email-" + index,
                    "EMAIL",
                    to,
                    mime.getSubject(),
                    sent == null ? Instant.EPOCH : sent.toInstant(),
                    parts.html,
                    parts.text == null ? "" : parts.text,
                    headers);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("A caught e-mail cannot be read", e);
        }
    }

    /** The first text and HTML parts, wherever they sit in the multipart tree. */
    private static final class Parts {
        @Nullable
        String text;

        @Nullable
        String html;

        void read(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    read(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
