package org.aftercart.offers;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An offer as pages and the console read it.
 *
 * @param languages language codes ({@code en}, {@code fr}) whose pages show it; empty: every language
 * @param endsAt when it stops being shown; {@code null}: open-ended
 * @param enabled switched on by staff; it shows only within its window as well
 */
public record Offer(
        UUID id,
        OfferSlot slot,
        String headline,
        String body,
        String callToAction,
        URI targetUrl,
        @Nullable String code,
        List<String> languages,
        Instant startsAt,
        @Nullable Instant endsAt,
        boolean enabled,
        Instant updatedAt) {

    public Offer {
        languages = List.copyOf(languages);
    }
}
