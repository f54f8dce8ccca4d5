package org.aftercart.notifications.email;

import jakarta.mail.URLName;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where e-mail bounces (RFC 3464 delivery status notifications) come back and how they are read
 * ({@code aftercart.notifications.bounces.*}).
 *
 * @param address the SMTP envelope sender (Return-Path) of every e-mail, e.g. {@code
 *     bounces@shop.example}: the address remote servers send their bounces to; without it they go
 *     to the From address
 * @param storeUrl the mailbox that receives the bounces, read with IMAP or POP3, e.g. {@code
 *     imaps://imap.shop.example/INBOX} (user and password may be in the URL, URL-encoded, or in
 *     {@code username} and {@code password}); without it no mailbox is read
 * @param username the mailbox's user, when not in {@code storeUrl}
 * @param password the mailbox's password, when not in {@code storeUrl}
 * @param pollEvery the pause between two readings of the mailbox
 * @param batchSize bounces read per round at most (the rest wait for the next round)
 * @param timeout how long connecting to the mailbox and each answer may take
 * @param webhookSecret the bearer token of {@code POST /webhooks/email/bounces}, for mail servers that
 *     hand bounces to a URL; several may be listed, separated by commas, while one is rotated;
 *     without one that endpoint refuses everything
 */
@ConfigurationProperties("aftercart.notifications.bounces")
record BounceSettings(
        @Nullable String address,
        @Nullable String storeUrl,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("PT1M") Duration pollEvery,
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT30S") Duration timeout,
        @Nullable String webhookSecret) {

    private static final Set<String> STORES = Set.of("imap", "imaps", "pop3", "pop3s");

    BounceSettings {
        address = blankToNull(address);
        storeUrl = blankToNull(storeUrl);
        username = blankToNull(username);
        password = blankToNull(password);
        webhookSecret = blankToNull(webhookSecret);
        if (storeUrl != null) {
            String protocol = new URLName(storeUrl).getProtocol();
            if (protocol == null || !STORES.contains(protocol.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("aftercart.notifications.bounces.store-url must start with"
                        + " imap://, imaps://, pop3:// or pop3s://");
            }
        }
        if (batchSize < 1 || pollEvery.isNegative() || pollEvery.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "aftercart.notifications.bounces: batch-size and poll-every must be positive");
        }
    }

    /** The mailbox to read, or null when none is configured. */
    @Nullable
    URLName store() {
        return storeUrl == null ? null : new URLName(storeUrl);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
