package org.aftercart.offers;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's offers: written by staff (checked field by field, and never two enabled offers of
 * one slot shown at the same moment in the same language), chosen for a page, and counted when a
 * page shows one and when a customer clicks it.
 */
@Service
public class Offers {

    private final OfferStore store;
    private final OfferCounters counters;
    private final Clock clock;

    Offers(OfferStore store, OfferCounters counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /** Every offer with its views, unique views, clicks and unique clicks, the latest start first. */
    @Transactional(readOnly = true)
    public List<OfferReport> reports() {
        return store.reports();
    }

    /** One offer with its figures. */
    @Transactional(readOnly = true)
    public Optional<OfferReport> report(UUID id) {
        return store.report(id);
    }

    @Transactional(readOnly = true)
    public Optional<Offer> find(UUID id) {
        return store.find(id);
    }

    /** @throws InvalidOffer naming each field that is wrong; nothing is written then */
    @Transactional
    public Offer create(OfferDraft draft) {
        check(draft, null);
        UUID id = UUID.randomUUID();
        store.insert(id, draft, clock.instant());
        return store.find(id).orElseThrow();
    }

    /**
     * @throws InvalidOffer naming each field that is wrong; nothing is written then
     * @throws OfferNotFound when there is no such offer
     */
    @Transactional
    public Offer update(UUID id, OfferDraft draft) {
        if (store.find(id).isEmpty()) {
            throw new OfferNotFound(id);
        }
        check(draft, id);
        store.update(id, draft, clock.instant());
        return store.find(id).orElseThrow();
    }

    /** The offer a page's slot shows now, in this language, if any. */
    @Transactional(readOnly = true)
    public Optional<Offer> showing(OfferSlot slot, Locale language) {
        return store.showing(slot, language, clock.instant());
    }

    /** Counts that a page for this order showed the offer. */
    @Transactional
    public void recordView(UUID offer, OrderId order) {
        counters.view(offer, order.id(), clock.instant());
    }

    /**
     * Counts a click on the offer from a page for this order, and says where it leads: the offer's
     * own target, never an address from the request. Empty when there is no such offer.
     */
    @Transactional
    public Optional<URI> recordClick(UUID offer, OrderId order) {
        Optional<Offer> found = store.find(offer);
        found.ifPresent(it -> counters.click(it.id(), order.id(), clock.instant()));
        return found.map(Offer::targetUrl);
    }

    private void check(OfferDraft draft, @Nullable UUID id) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        if (!problems.isEmpty()) {
            throw new InvalidOffer(problems);
        }
        if (draft.enabled()) {
            store.lockSlot(draft.slot());
            Optional<String> other = store.overlapping(id, draft);
            if (other.isPresent()) {
                throw new InvalidOffer(Map.of("enabled", "overlaps"), other.get());
            }
        }
    }
}
