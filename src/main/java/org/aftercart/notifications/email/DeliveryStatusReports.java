package org.aftercart.notifications.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads delivery status notifications (RFC 3464): a {@code multipart/report;
 * report-type=delivery-status} whose {@code message/delivery-status} part holds one block of fields
 * about the message and one per recipient, followed by the returned message ({@code message/rfc822})
 * or only its headers ({@code text/rfc822-headers}), where the original Message-ID is. The
 * internationalised forms of RFC 6533 ({@code message/global-delivery-status}, {@code
 * message/global}, {@code message/global-headers}) are read the same way.
 *
 * <p>Each block of fields is read by Jakarta Mail's own header parser ({@link InternetHeaders}),
 * which unfolds continuation lines as for any mail header. Used for the bounce mailbox and for
 * bounces handed over by HTTP alike.
 */
final class DeliveryStatusReports {

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");

    private DeliveryStatusReports() {}

    /** The report in {@code message}, or empty when it is not a delivery status notification. */
    static Optional<DeliveryStatusReport> read(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null || !reportType.strip().equalsIgnoreCase("delivery-status")) {
            return Optional.empty();
        }
        if (!(message.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        List<DeliveryStatusReport.Recipient> recipients = null;
        String originalMessageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                recipients = recipients(part);
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global")
                    || part.isMimeType("message/global-headers")) {
                originalMessageId = messageId(part);
            }
        }
        if (recipients == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryStatusReport(originalMessageId, recipients));
    }

    /** The per-recipient blocks: every block after the first (which is about the message). */
    private static List<DeliveryStatusReport.Recipient> recipients(Part status) throws MessagingException, IOException {
        String fields;
        try (InputStream in = status.getInputStream()) {
            fields = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DeliveryStatusReport.Recipient> recipients = new ArrayList<>();
        String[] blocks = BLANK_LINE.split(fields.strip());
        for (int i = 1; i < blocks.length; i++) {
            InternetHeaders block =
                    new InternetHeaders(new ByteArrayInputStream(blocks[i].getBytes(StandardCharsets.UTF_8)), true);
            String recipient = field(block, "Final-Recipient");
            if (recipient == null) {
                recipient = field(block, "Original-Recipient");
            }
            String action = field(block, "Action");
            if (recipient == null && action == null) {
                continue; // not a recipient block (stray text between blocks)
            }
            recipients.add(new DeliveryStatusReport.Recipient(
                    withoutAddressType(recipient), action, field(block, "Status"), field(block, "Diagnostic-Code")));
        }
        return recipients;
    }

    /** The Message-ID of the returned message (or of its returned headers). */
    private static @Nullable String messageId(Part returned) throws MessagingException, IOException {
        InternetHeaders headers;
        try (InputStream in = returned.getInputStream()) {
            headers = new InternetHeaders(in, true);
        }
        String id = field(headers, "Message-ID");
        if (id == null) {
            return null;
        }
        id = id.strip();
        return id.startsWith("<") && id.endsWith(">") ? id : "<" + id + ">";
    }

    private static @Nullable String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        if (value == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(value).replaceAll("\\s+", " ").strip();
        return unfolded.isEmpty() ? null : unfolded;
    }

    /** {@code rfc822; jo@example.org} → {@code jo@example.org}. */
    private static @Nullable String withoutAddressType(@Nullable String recipient) {
        if (recipient == null) {
            return null;
        }
        int semicolon = recipient.indexOf(';');
        return semicolon < 0 ? recipient : recipient.substring(semicolon + 1).strip();
    }
}
