package org.aftercart.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Makes an offer the one the thank-you page shows now. The database is shared by every test (and by
 * the demo store's test, which adds the demo's offers), and only one enabled offer per language may
 * be live at a time: the offers live now in the same languages are disabled first.
 */
final class LiveOffers {

    private final Offers offers;

    LiveOffers(Offers offers) {
        this.offers = offers;
    }

    Offer takeTheSlot(String headline, List<String> languages, String target, String code) {
        Instant now = Instant.now();
        for (OfferReport report : offers.reports()) {
            Offer other = report.offer();
            boolean stillToCome = other.endsAt() == null || other.endsAt().isAfter(now);
            boolean sameLanguage = other.languages().isEmpty()
                    || languages.isEmpty()
                    || other.languages().stream().anyMatch(languages::contains);
            if (other.enabled() && other.slot() == OfferSlot.THANK_YOU && stillToCome && sameLanguage) {
                offers.update(
                        other.id(),
                        new OfferDraft(
                                other.slot(),
                                other.headline(),
                                other.body(),
                                other.callToAction(),
                                other.targetUrl().toString(),
                                other.code(),
                                other.languages(),
                                other.startsAt(),
                                other.endsAt(),
                                false));
            }
        }
        return offers.create(new OfferDraft(
                OfferSlot.THANK_YOU,
                headline,
                "Valid for 30 days on everything.",
                "Shop now",
                target,
                code,
                languages,
                now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(1)),
                true));
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
