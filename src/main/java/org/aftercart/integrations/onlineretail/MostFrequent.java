package org.aftercart.integrations.onlineretail;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Counts values and names the most frequent one; a tie goes to the one seen last. */
final class MostFrequent<T> {

    private final Map<T, long[]> seen = new HashMap<>();
    private long clock;

    void add(T value) {
        long[] countAndLastSeen = seen.computeIfAbsent(value, v -> new long[2]);
        countAndLastSeen[0]++;
        countAndLastSeen[1] = ++clock;
    }

    @Nullable
    T best() {
        T best = null;
        long[] bestSeen = null;
        for (Map.Entry<T, long[]> entry : seen.entrySet()) {
            long[] candidate = entry.getValue();
            if (bestSeen == null
                    || candidate[0] > bestSeen[0]
                    || (candidate[0] == bestSeen[0] && candidate[1] > bestSeen[1])) {
                best = entry.getKey();
                bestSeen = candidate;
            }
        }
        return best;
    }
}
