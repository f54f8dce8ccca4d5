package org.aftercart.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aftercart.offers.InvalidOffer;
import org.aftercart.offers.OfferDraft;
import org.aftercart.offers.OfferSlot;
import org.aftercart.offers.Offers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo store's thank-you offer, one per language so that the French page shows the French one:
 * added once, open-ended, from the day before the first start. Where the shop already has an
 * enabled offer for a language at that time, that one stays and the demo's is not added.
 */
@Component
@Profile("demo")
class DemoOffers {

    private static final Logger log = LoggerFactory.getLogger(DemoOffers.class);

    private final Offers offers;
    private final Clock clock;

    DemoOffers(Offers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    void addOnce() {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        for (OfferDraft offer : List.of(
                new OfferDraft(
                        OfferSlot.THANK_YOU,
                        "10% off your next order",
                        "Thank you for shopping with us. Use this code at checkout within the next 30 days.",
                        "Shop new arrivals",
                        "https://shop.example.com/new-in",
                        "THANKS10",
                        List.of("en"),
                        since,
                        null,
                        true),
                new OfferDraft(
                        OfferSlot.THANK_YOU,
                        "10\u00a0% de remise sur votre prochaine commande",
                        "Merci de votre confiance. Utilisez ce code lors de votre prochaine commande dans les 30 jours.",
                        "Voir les nouveautés",
                        "https://shop.example.com/fr/nouveautes",
                        "MERCI10",
                        List.of("fr"),
                        since,
                        null,
                        true))) {
            boolean added = offers.reports().stream()
                    .anyMatch(report -> report.offer().headline().equals(offer.headline()));
            if (added) {
                continue;
            }
            try {
                offers.create(offer);
            } catch (InvalidOffer taken) {
                log.info("The demo's thank-you offer '{}' was not added: {}", offer.headline(), taken.getMessage());
            }
        }
    }
}
