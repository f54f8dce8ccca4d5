package org.aftercart.notifications.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Reads the bounce mailbox ({@code aftercart.notifications.bounces.store-url}, IMAP or POP3) every
 * {@code poll-every}: each e-mail in it goes through {@link EmailBounces} and is then deleted, so it
 * is read once; what is not a bounce is logged and deleted too. An e-mail whose processing failed
 * for a reason of ours (the database unavailable) stays for the next round.
 *
 * <p>One instance at a time reads the mailbox: a round runs under a PostgreSQL advisory lock held
 * on a connection of its own, and an instance that does not get it skips the round. Reading a
 * bounce twice would change nothing anyway ({@link org.aftercart.notifications.DeliveryReports} is
 * idempotent); the lock spares the mailbox two readers.
 */
@Component
class BounceMailbox {

    /** What one round did, for logs and tests; empty when another instance had the lock. */
    record Round(boolean ran, Map<EmailBounces.Outcome, Integer> outcomes, int kept) {
        int count(EmailBounces.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private static final String LOCK =
            "select pg_try_advisory_lock(hashtextextended('notifications.bounce_mailbox', 0))";
    private static final String UNLOCK =
            "select pg_advisory_unlock(hashtextextended('notifications.bounce_mailbox', 0))";

    private final BounceSettings settings;
    private final EmailBounces bounces;
    private final DataSource dataSource;

    BounceMailbox(BounceSettings settings, EmailBounces bounces, DataSource dataSource) {
        this.settings = settings;
        this.bounces = bounces;
        this.dataSource = dataSource;
    }

    @Scheduled(
            initialDelayString = "${aftercart.notifications.bounces.poll-every:PT1M}",
            fixedDelayString = "${aftercart.notifications.bounces.poll-every:PT1M}")
    void readOnSchedule() {
        if (settings.store() == null) {
            return;
        }
        try {
            Round round = readRound();
            if (round.ran() && !round.outcomes().isEmpty()) {
                log.debug("Bounce mailbox round: {}", round);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("Reading the bounce mailbox failed, next round in {}: {}", settings.pollEvery(), e.toString());
        }
    }

    /** One round, unless another instance is reading the mailbox. */
    Round readRound() throws MessagingException {
        URLName store = settings.store();
        if (store == null) {
            return new Round(false, Map.of(), 0);
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!query(lock, LOCK)) {
                return new Round(false, Map.of(), 0);
            }
            try {
                return read(store);
            } finally {
                query(lock, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bounce mailbox lock could not be taken: " + e.getMessage(), e);
        }
    }

    private Round read(URLName url) throws MessagingException {
        Map<EmailBounces.Outcome, Integer> outcomes = new EnumMap<>(EmailBounces.Outcome.class);
        int kept = 0;
        Store store = Session.getInstance(properties(url.getProtocol())).getStore(url);
        store.connect(settings.username(), settings.password());
        try {
            Folder folder =
                    store.getFolder(url.getFile() == null || url.getFile().isBlank() ? "INBOX" : url.getFile());
            folder.open(Folder.READ_WRITE);
            try {
                int count = Math.min(folder.getMessageCount(), settings.batchSize());
                for (Message mail : count == 0 ? new Message[0] : folder.getMessages(1, count)) {
                    if (mail.isExpunged() || mail.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    EmailBounces.Outcome outcome;
                    try {
                        // A copy read whole: an IMAP message would fetch its parts one request at a time.
                        outcome = bounces.take(new MimeMessage((MimeMessage) mail));
                    } catch (DataAccessException | TransactionException e) {
                        kept++; // ours to fix: read it again next round
                        log.warn("A bounce could not be recorded, it stays in the mailbox: {}", e.toString());
                        continue;
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    mail.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                folder.close(true); // expunges what was taken, also when the round broke off
            }
        } finally {
            store.close();
        }
        return new Round(true, outcomes, kept);
    }

    /** Timeouts, so that a mailbox that stops answering cannot hold the round (and the lock) for good. */
    private Properties properties(@Nullable String protocol) {
        Properties properties = new Properties();
        String millis = String.valueOf(settings.timeout().toMillis());
        String prefix = "mail." + (protocol == null ? "imap" : protocol) + ".";
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        return properties;
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }
}
