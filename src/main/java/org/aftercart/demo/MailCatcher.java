package org.aftercart.demo;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's SMTP server: an in-process GreenMail on {@code spring.mail.host} and {@code
 * spring.mail.port}, so every e-mail the demo sends is caught here and shown in the console instead
 * of reaching anyone. Started in an early lifecycle phase, before the notification dispatcher.
 *
 * <p>Every e-mail goes to one catch-all mailbox, which keeps the newest {@value #KEPT}: GreenMail
 * would otherwise keep every e-mail of a demo left running (under the intake benchmark, tens of
 * thousands, most of the heap) and a mailbox per recipient.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication // not when the same build runs a command-line import
class MailCatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    /** As many as the SMS catcher keeps. */
    static final int KEPT = SmsCatcher.KEPT;

    private final String host;
    private final int port;
    private final int kept;
    private @Nullable GreenMail server;
    private @Nullable MailFolder caught;

    @Autowired
    MailCatcher(MailProperties mail) {
        this(mail, KEPT);
    }

    MailCatcher(MailProperties mail, int kept) {
        if (mail.getHost() == null || mail.getPort() == null) {
            throw new IllegalStateException("The demo's mail catcher needs spring.mail.host and spring.mail.port");
        }
        this.host = mail.getHost();
        this.port = mail.getPort();
        this.kept = kept;
    }

    @Override
    public synchronized void start() {
        ensurePortIsFree();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        GreenMailUser catchAll = greenMail.setUser("catch-all@demo.invalid", "catch-all", "catch-all");
        try {
            caught = greenMail.getManagers().getImapHostManager().getInbox(catchAll);
        } catch (FolderException e) {
            throw new IllegalStateException("The demo's mail catcher has no mailbox", e);
        }
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            makeRoom();
            return catchAll;
        });
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
            caught = null;
        }
    }

    /** Called before each delivery: drops the oldest e-mails so that the new one makes {@code kept}. */
    private synchronized void makeRoom() {
        MailFolder inbox = caught;
        if (inbox == null || inbox.getMessageCount() < kept) {
            return;
        }
        List<StoredMessage> oldestFirst = inbox.getMessages();
        for (StoredMessage old : oldestFirst.subList(0, oldestFirst.size() - kept + 1)) {
            old.setFlag(Flags.Flag.DELETED, true);
        }
        try {
            inbox.expunge();
        } catch (FolderException e) {
            log.warn("The demo's mail catcher could not drop its oldest e-mails", e);
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

    /** Newest first; each keeps its id while it is kept. */
    List<CaughtMessage> emails() {
        MailFolder inbox;
        synchronized (this) {
            inbox = caught;
        }
        if (inbox == null) {
            return List.of();
        }
        List<CaughtMessage> emails = new ArrayList<>();
        for (StoredMessage message : inbox.getNonDeletedMessages()) {
            emails.add(caught(message.getUid(), message.getMimeMessage()));
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

    private static CaughtMessage caught(long uid, MimeMessage mime) {
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
                    "email-" + uid,
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
