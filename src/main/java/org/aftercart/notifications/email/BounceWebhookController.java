package org.aftercart.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/email/bounces}: for mail servers that hand the e-mails arriving at the
 * bounce address to a URL (a pipe to curl, a mail-to-webhook service) instead of keeping them in a
 * mailbox. The body is the e-mail as it arrived ({@code message/rfc822}); it is read as the bounce
 * mailbox reads its e-mails. The path is public, so each call must carry the shared secret as a
 * bearer token. Every e-mail taken gets the same 202, bounce or not, known message or not: the
 * answer tells a caller nothing about which messages exist, and a mail server has nothing to retry.
 * The body is limited by the application's request size limit ({@code aftercart.http.max-body-size}).
 */
@RestController
class BounceWebhookController {

    private static final Logger log = LoggerFactory.getLogger(BounceWebhookController.class);

    private static final String BEARER = "Bearer ";

    private final List<byte[]> secrets;
    private final EmailBounces bounces;
    private final Session session = Session.getInstance(new Properties());

    BounceWebhookController(BounceSettings settings, EmailBounces bounces) {
        this.secrets = settings.webhookSecret() == null
                ? List.of()
                : Arrays.stream(settings.webhookSecret().split(","))
                        .map(String::strip)
                        .filter(secret -> !secret.isEmpty())
                        .map(BounceWebhookController::digest)
                        .toList();
        this.bounces = bounces;
    }

    @PostMapping(path = "/webhooks/email/bounces", consumes = "message/rfc822")
    ResponseEntity<Void> receive(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body) {
        if (secrets.isEmpty()) {
            throw BounceWebhookProblem.secretNotConfigured();
        }
        if (!authorized(authorization)) {
            log.warn("Refused a bounce handed over by HTTP without the right secret");
            throw BounceWebhookProblem.wrongSecret();
        }
        if (body == null || body.length == 0) {
            throw BounceWebhookProblem.emptyBody();
        }
        MimeMessage mail;
        try {
            mail = new MimeMessage(session, new ByteArrayInputStream(body));
        } catch (MessagingException unreadable) {
            log.info("Dropped an unreadable e-mail handed over as a bounce: {}", unreadable.toString());
            return ResponseEntity.accepted().build();
        }
        bounces.take(mail);
        return ResponseEntity.accepted().build();
    }

    /**
     * Whether the header carries one of the secrets. Digests of equal length are compared, in
     * constant time, so that neither the secret's content nor its length shows in the timing.
     */
    private boolean authorized(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] claimed = digest(authorization.substring(BEARER.length()).strip());
        boolean matched = false;
        for (byte[] secret : secrets) {
            matched |= MessageDigest.isEqual(secret, claimed);
        }
        return matched;
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
