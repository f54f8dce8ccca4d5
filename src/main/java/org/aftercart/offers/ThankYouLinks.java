package org.aftercart.offers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderLink;
import org.aftercart.platform.SignedIdTokens;
import org.springframework.stereotype.Service;

/**
 * Signed links to an order's thank-you page, {@code /thank-you/{token}}: the token names the order
 * and when the link expires ({@link SignedIdTokens}, kind 2, so a tracking-page token never opens
 * it). The order API's answer to a new order carries the link ({@code Link: <…>; rel="thank-you"});
 * a storefront may also build it itself with the shared secret.
 */
@Service
public class ThankYouLinks implements OrderLink {

    /** The kind byte of thank-you tokens (tracking-page tokens are 1). */
    public static final int KIND = 2;

    /** What a token turned out to be. */
    public sealed interface Opened {}

    /** A valid link to this order's page. */
    public record ForOrder(OrderId order) implements Opened {}

    /** A genuine link that has expired: which order it named is not told. */
    public record Expired() implements Opened {}

    /** Anything else: garbled, cut, forged, signed with another secret or for another page. */
    public record Invalid() implements Opened {}

    private final SignedIdTokens tokens;
    private final ThankYouLinkSettings settings;
    private final Clock clock;

    ThankYouLinks(ThankYouLinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tokens = SignedIdTokens.of(
                KIND,
                settings.linkSecret(),
                settings.previousLinkSecrets(),
                "aftercart.offers.thank-you.link-secret",
                "AFTERCART_THANK_YOU_LINK_SECRET",
                clock);
    }

    @Override
    public String relation() {
        return "thank-you";
    }

    /** A token that opens the order's page for the configured validity. */
    public String tokenFor(OrderId order) {
        return tokenFor(order, settings.linkValidity());
    }

    /** A token that opens the order's page for {@code validity}. */
    public String tokenFor(OrderId order, Duration validity) {
        return tokens.issue(order.id(), clock.instant().plus(validity));
    }

    /** The page's path, {@code /thank-you/{token}}. */
    public String pathFor(OrderId order) {
        return "/thank-you/" + tokenFor(order);
    }

    /** The full link, on the configured public URL. */
    @Override
    public URI linkFor(OrderId order) {
        return URI.create(settings.publicUrl() + pathFor(order));
    }

    /** Which order a token opens, or why it opens none. */
    public Opened open(String token) {
        return switch (tokens.check(token)) {
            case SignedIdTokens.Valid valid -> new ForOrder(new OrderId(valid.id()));
            case SignedIdTokens.Expired expired -> new Expired();
            case SignedIdTokens.Invalid invalid -> new Invalid();
        };
    }
}
