package org.aftercart.tracking.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the guest lookup, so that order numbers cannot be tried one after another: a token
 * bucket per client address and one per order number (whoever asks), both in memory (ADR 12). A
 * lookup must find a token in both. Buckets nobody used for a window are forgotten (a full bucket
 * and a new one are the same), and the number of buckets kept is bounded.
 */
@Component
class LookupLimits {

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byOrder;
    private final TrackingPageSettings settings;

    LookupLimits(TrackingPageSettings settings) {
        this.settings = settings;
        this.byAddress = cache(settings.lookupWindow());
        this.byOrder = cache(settings.lookupWindow());
    }

    /** Takes one lookup from the address's and the order number's allowances; false when either is spent. */
    boolean tryLookup(String clientAddress, String orderNumber) {
        Bucket address = byAddress.get(clientAddress, key -> bucket(settings.lookupsPerAddress()));
        if (!address.tryConsume(1)) {
            return false;
        }
        String order = orderNumber.strip().toUpperCase(Locale.ROOT);
        Bucket forOrder = byOrder.get(order, key -> bucket(settings.lookupsPerOrder()));
        return forOrder.tryConsume(1);
    }

    /** How long until the next lookup may be allowed, for the Retry-After header. */
    Duration retryAfter() {
        return settings.lookupWindow().dividedBy(Math.max(settings.lookupsPerOrder(), 1));
    }

    private Bucket bucket(int perWindow) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perWindow)
                        .refillGreedy(perWindow, settings.lookupWindow())
                        .build())
                .build();
    }

    private static Cache<String, Bucket> cache(Duration window) {
        return Caffeine.newBuilder()
                .expireAfterAccess(window)
                .maximumSize(100_000)
                .build();
    }
}
