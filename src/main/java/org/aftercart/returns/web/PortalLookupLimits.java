package org.aftercart.returns.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the portal's guest lookup, as for the tracking page's (ADR 12): a token bucket per
 * client address and one per order number, in memory, so order numbers cannot be tried one after
 * another. A lookup must find a token in both.
 */
@Component
class PortalLookupLimits {

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byOrder;
    private final PortalSettings settings;

    PortalLookupLimits(PortalSettings settings) {
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
        return byOrder.get(order, key -> bucket(settings.lookupsPerOrder())).tryConsume(1);
    }

    /** How long until the next lookup may be allowed, for the Retry-After header. */
    Duration retryAfter() {
        return settings.lookupWindow().dividedBy(settings.lookupsPerOrder());
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
