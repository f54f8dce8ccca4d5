package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.aftercart.notifications.DeliveryReports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one e-mail from the bounce address (read from the mailbox or handed over by HTTP): a
 * delivery status notification that says an e-mail Aftercart sent failed makes that message
 * undeliverable, with the remote server's reason, through {@link DeliveryReports} (which ignores
 * e-mails it does not know and repeated reports). Anything else (a delay warning, an auto-reply,
 * spam) changes nothing.
 */
@Component
class EmailBounces {

    /** What became of one e-mail from the bounce address. */
    enum Outcome {
        /** A bounce of a sent message, which is now undeliverable. */
        BOUNCED,
        /** A bounce, but of no message Aftercart has sent (or one already known to have bounced). */
        NOT_OURS,
        /** A delivery status notification that reports no failure (delayed, delivered, relayed). */
        NO_FAILURE,
        /** Not a delivery status notification, or unreadable. */
        NOT_A_REPORT
    }

    private static final Logger log = LoggerFactory.getLogger(EmailBounces.class);

    private final DeliveryReports reports;

    EmailBounces(DeliveryReports reports) {
        this.reports = reports;
    }

    Outcome take(MimeMessage mail) {
        Optional<DeliveryStatusReport> read;
        try {
            read = DeliveryStatusReports.read(mail);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            log.info(
                    "Dropped an unreadable e-mail at the bounce address ({}): {}",
                    describe(mail),
                    unreadable.toString());
            return Outcome.NOT_A_REPORT;
        }
        if (read.isEmpty()) {
            log.info(
                    "Dropped an e-mail at the bounce address that is not a delivery status notification ({})",
                    describe(mail));
            return Outcome.NOT_A_REPORT;
        }
        DeliveryStatusReport report = read.get();
        List<DeliveryStatusReport.Recipient> failed = report.failed();
        if (failed.isEmpty()) {
            return Outcome.NO_FAILURE;
        }
        if (report.originalMessageId() == null) {
            log.info("Dropped a bounce that does not return the original e-mail's headers ({})", describe(mail));
            return Outcome.NOT_OURS;
        }
        // Aftercart sends each e-mail to one recipient, so the first failure is the message's.
        String reason = failed.getFirst().reason();
        if (reports.bounced("EMAIL", report.originalMessageId(), reason)) {
            log.info("E-mail {} bounced: {}", printable(report.originalMessageId()), printable(reason));
            return Outcome.BOUNCED;
        }
        return Outcome.NOT_OURS;
    }

    private static String describe(MimeMessage mail) {
        try {
            return "Message-ID " + printable(mail.getMessageID()) + ", subject " + printable(mail.getSubject());
        } catch (MessagingException e) {
            return "headers unreadable";
        }
    }

    /** A value from a stranger's e-mail fit for a log line: no line breaks, not too long. */
    private static String printable(@Nullable String value) {
        if (value == null) {
            return "-";
        }
        String flat = value.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
