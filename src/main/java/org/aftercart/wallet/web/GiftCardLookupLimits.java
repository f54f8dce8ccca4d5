package org.aftercart.wallet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Makes guessing gift card codes slow on top of hopeless: each wrong code takes a token from the
 * caller's API key and from its client address (token buckets in memory, as the tracking page's
 * guest lookup does, ADR 12); with either bucket empty, code lookups answer 429 until it refills.
 * Right codes cost nothing, so a till that scans real cards is never slowed down.
 */
@Component
class GiftCardLookupLimits {

    private final Cache<String, Bucket> buckets;
    private final GiftCardLookupSettings settings;

    GiftCardLookupLimits(GiftCardLookupSettings settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.window())
                .maximumSize(100_000)
                .build();
    }

    /** Refuses the lookup when the key or the address has used up its wrong codes. */
    void requireAllowance(String apiKey, String clientAddress) {
        long wait = Math.max(
                waitNanos("key:" + apiKey, settings.failuresPerKey()),
                waitNanos("address:" + clientAddress, settings.failuresPerAddress()));
        if (wait > 0) {
            throw new TooManyGiftCardLookups(Duration.ofNanos(wait));
        }
    }

    void recordFailure(String apiKey, String clientAddress) {
        bucket("key:" + apiKey, settings.failuresPerKey()).tryConsume(1);
        bucket("address:" + clientAddress, settings.failuresPerAddress()).tryConsume(1);
    }

    private long waitNanos(String key, int perWindow) {
        var probe = bucket(key, perWindow).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int perWindow) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perWindow)
                        .refillGreedy(perWindow, settings.window())
                        .build())
                .build());
    }
}
