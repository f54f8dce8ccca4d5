package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections kept for the next message, so that each e-mail costs one MAIL FROM … DATA
 * exchange rather than a new connection, greeting and login. A connection idle for longer than
 * {@link #IDLE} is closed rather than reused (servers drop idle clients), one idle for a moment is
 * checked first (the server may have restarted), and one that failed is never given back.
 */
final class SmtpConnections implements AutoCloseable {

    static final Duration IDLE = Duration.ofSeconds(20);

    /** A connection idle longer than this is checked (NOOP) before it carries a message. */
    static final Duration CHECK_AFTER = Duration.ofSeconds(1);

    private record Idle(Transport transport, long since) {}

    private final JavaMailSenderImpl mail;
    private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>();

    SmtpConnections(JavaMailSenderImpl mail) {
        this.mail = mail;
    }

    Transport take() throws MessagingException {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            long idleFor = System.nanoTime() - candidate.since();
            if (idleFor < CHECK_AFTER.toNanos()
                    || idleFor < IDLE.toNanos() && candidate.transport().isConnected()) {
                return candidate.transport();
            }
            closeQuietly(candidate.transport());
        }
        Transport transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    /** A connection that just sent a message, for the next one. */
    void giveBack(Transport transport) {
        idle.offerFirst(new Idle(transport, System.nanoTime()));
    }

    /**
     * A connection that failed: closed, never reused, and the idle ones with it, as what broke one
     * (a server restart, a network change) has most likely broken them all.
     */
    void discard(Transport transport) {
        closeQuietly(transport);
        close();
    }

    @Override
    public void close() {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            closeQuietly(candidate.transport());
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a broken connection: nothing to do
        }
    }
}
