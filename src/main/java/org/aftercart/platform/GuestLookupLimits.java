package org.aftercart.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;

/**
 * Rate limits of a guest lookup (an order found by its number and the customer's e-mail or
 * postcode), so that order numbers cannot be tried one after another: a token bucket per client
 * address and one per order number (whoever asks), both in memory (ADR 12). A lookup must find a
 * token in both. Buckets nobody used for a window are forgotten (a full bucket and a new one are
 * the same), and the number of buckets kept is bounded. Each page with a lookup has its own.
 */
public class GuestLookupLimits {

    private final int perAddress;
    private final int perOrder;
    private final Duration window;
    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byOrder;

    public GuestLookupLimits(int perAddress, int perOrder, Duration window) {
        if (perAddress < 1 || perOrder < 1 || !window.isPositive()) {
            throw new IllegalArgumentException("Lookup limits must be positive");
        }
        this.perAddress = perAddress;
        this.perOrder = perOrder;
        this.window = window;
        this.byAddress = cache(window);
        this.byOrder = cache(window);
    }

    /** Takes one lookup from the address's and the order number's allowances; false when either is spent. */
    public boolean tryLookup(String clientAddress, String orderNumber) {
        Bucket address = byAddress.get(clientAddress, key -> bucket(perAddress));
        if (!address.tryConsume(1)) {
            return false;
        }
        String order = orderNumber.strip().toUpperCase(Locale.ROOT);
        return byOrder.get(order, key -> bucket(perOrder)).tryConsume(1);
    }

    /** How long until the next lookup may be allowed, for the Retry-After header. */
    public Duration retryAfter() {
        return window.dividedBy(perOrder);
    }

    private Bucket bucket(int perWindow) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perWindow)
                        .refillGreedy(perWindow, window)
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
