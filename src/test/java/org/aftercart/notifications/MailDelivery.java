package org.aftercart.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads what reached a real SMTP server (GreenMail) the way a mail client would. */
final class MailDelivery {

    private MailDelivery() {}

    static List<MimeMessage> to(GreenMail smtp, String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The first part of this MIME type, searched through nested multiparts. */
    static Optional<String> part(Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = part(body, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps a rendered e-mail under target/mail-samples/ to be looked at, as a test artefact. */
    static void keepSample(String name, String html, String text) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "mail-samples");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve(name + ".html"), html);
        java.nio.file.Files.writeString(folder.resolve(name + ".txt"), text);
    }

    /** Runs the dispatcher until nothing is due. */
    static void deliverEverythingDue(Dispatcher dispatcher) throws InterruptedException {
        while (dispatcher.deliverDue() > 0) {
            // next round
        }
    }
}
