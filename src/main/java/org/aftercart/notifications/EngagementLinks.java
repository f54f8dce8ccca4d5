package org.aftercart.notifications;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aftercart.tracking.TrackingLinkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed addresses put in messages: the open pixel, click redirects and the unsubscribe page. The
 * signature binds the message id (and, for a click, the target), so nobody can count opens for
 * another message, turn the redirect into an open redirect, or unsubscribe someone else.
 */
@Component
class EngagementLinks {

    private static final Logger log = LoggerFactory.getLogger(EngagementLinks.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String publicUrl;

    EngagementLinks(@Value("${aftercart.notifications.link-secret:}") String secret, TrackingLinkSettings links) {
        String current = secret.isBlank() ? links.linkSecret() : secret;
        if (current.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            current = HexFormat.of().formatHex(random);
            log.warn("No link secret is set: open, click and unsubscribe links in messages stop working when the"
                    + " application restarts. Set AFTERCART_TRACKING_LINK_SECRET.");
        }
        this.key = new SecretKeySpec(("engagement:" + current).getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.publicUrl = links.publicUrl();
    }

    URI openPixel(UUID message) {
        return URI.create(publicUrl + "/m/" + message + "/open.gif?s=" + sign("open", message, ""));
    }

    URI click(UUID message, String target) {
        return URI.create(publicUrl + "/m/" + message + "/click?u=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + "&s=" + sign("click", message, target));
    }

    URI unsubscribe(UUID message) {
        return URI.create(publicUrl + "/m/" + message + "/unsubscribe?s=" + sign("unsubscribe", message, ""));
    }

    boolean verifyOpen(UUID message, String signature) {
        return matches(sign("open", message, ""), signature);
    }

    boolean verifyClick(UUID message, String target, String signature) {
        return matches(sign("click", message, target), signature);
    }

    boolean verifyUnsubscribe(UUID message, String signature) {
        return matches(sign("unsubscribe", message, ""), signature);
    }

    private String sign(String purpose, UUID message, String target) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((purpose + "\n" + message + "\n" + target).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
