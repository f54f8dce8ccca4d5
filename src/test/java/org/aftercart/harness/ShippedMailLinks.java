package org.aftercart.harness;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tracking links customers got in their "shipped" e-mails, as the SMTP server received them:
 * a page viewer opens one of them, as a customer clicks the link in the e-mail. Read from the
 * server once a second; only e-mails not seen before are opened.
 */
final class ShippedMailLinks implements AutoCloseable {

    /** The English subject of the shipped e-mail ({@code n.shipped.subject}, one parcel or several). */
    private static final Pattern SHIPPED_SUBJECT = Pattern.compile("is on its way|are on their way");

    /** The path of a tracking link: {@code /track/} and a 55-character token (TrackingLinks). */
    private static final Pattern TRACKING_PATH = Pattern.compile("/track/[A-Za-z0-9_-]{55}");

    private final GreenMail smtp;
    private final Set<String> seen = new HashSet<>();
    private final List<String> paths = new ArrayList<>();
    private final Thread reading;

    ShippedMailLinks(GreenMail smtp) {
        this.smtp = smtp;
        this.reading = Thread.ofPlatform().daemon().name("shipped-mail-links").start(this::readEverySecond);
    }

    private void readEverySecond() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                readNew();
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readNew() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id == null || !seen.add(id)) {
                    continue;
                }
                String subject = message.getSubject();
                if (subject == null || !SHIPPED_SUBJECT.matcher(subject).find()) {
                    continue;
                }
                String text = text(message.getContent());
                Matcher link = TRACKING_PATH.matcher(text == null ? "" : text);
                if (link.find()) {
                    synchronized (paths) {
                        paths.add(link.group());
                    }
                }
            } catch (MessagingException | IOException e) {
                // not an e-mail of Aftercart's: nothing to click
            }
        }
    }

    /** The text of the e-mail (its first part when it has several: text first, HTML last). */
    private static @Nullable String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            return parts.getCount() == 0 ? null : text(parts.getBodyPart(0).getContent());
        }
        return content instanceof String text ? text : null;
    }

    /** The link of one shipped parcel's e-mail, any of those received so far. */
    Optional<String> any() {
        synchronized (paths) {
            return paths.isEmpty()
                    ? Optional.empty()
                    : Optional.of(paths.get(ThreadLocalRandom.current().nextInt(paths.size())));
        }
    }

    int count() {
        synchronized (paths) {
            return paths.size();
        }
    }

    @Override
    public void close() {
        reading.interrupt();
    }
}
