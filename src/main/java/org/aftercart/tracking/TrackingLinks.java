package org.aftercart.tracking;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.aftercart.orders.OrderId;
import org.aftercart.platform.SignedIdTokens;
import org.springframework.stereotype.Service;

/**
 * Signed links to an order's tracking page, for e-mails and messages: {@code /track/{token}}, where
 * the token names the order and when the link expires ({@link SignedIdTokens}, kind 1). Nobody can
 * make a token for another order without the secret, so the link alone proves which order it shows.
 * Tokens are URL-safe Base64, 55 characters.
 */
@Service
public class TrackingLinks {

    /** The kind byte of tracking-page tokens (the first format, kept so that links already sent still open). */
    static final int KIND = 1;

    private final SignedIdTokens tokens;
    private final TrackingLinkSettings settings;
    private final Clock clock;

    TrackingLinks(TrackingLinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tokens = SignedIdTokens.of(
                KIND,
                settings.linkSecret(),
                settings.previousLinkSecrets(),
                "aftercart.tracking.link-secret",
                "AFTERCART_TRACKING_LINK_SECRET",
                clock);
    }

    /** A token that opens the order's page for the configured validity. */
    public String tokenFor(OrderId order) {
        return tokenFor(order, settings.linkValidity());
    }

    /** A token that opens the order's page for {@code validity}. */
    public String tokenFor(OrderId order, Duration validity) {
        return tokens.issue(order.id(), clock.instant().plus(validity));
    }

    /** The page's path, {@code /track/{token}}. */
    public String pathFor(OrderId order) {
        return "/track/" + tokenFor(order);
    }

    /** The full link to put in an e-mail, on the configured public URL. */
    public URI linkFor(OrderId order) {
        return URI.create(settings.publicUrl() + pathFor(order));
    }

    /**
     * The order a token names, when it was signed with one of the secrets and has not expired;
     * empty for anything else, whatever is wrong with it.
     */
    public Optional<OrderId> verify(String token) {
        return tokens.verify(token).map(OrderId::new);
    }
}
