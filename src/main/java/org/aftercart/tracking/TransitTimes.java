package org.aftercart.tracking;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How many calendar days a merchant's parcels take from shipping to delivery, learned from its own
 * delivered parcels: the median (P50) and the 90th percentile (P90) of a segment. A pure value,
 * rebuilt from scratch rather than updated.
 *
 * <p>A segment is origin, destination (country and area), carrier, service and the weekday the
 * parcel shipped. When the segment itself has fewer than the minimum number of samples, the answer
 * comes from the first coarser {@link Level} that has enough: the same lane on any weekday, then
 * any service of the carrier, then any origin, then the whole destination country. Every level
 * keeps the carrier and the destination country: another carrier's history, or another country's,
 * says less about this parcel than the carrier's own estimate does. When no level has enough
 * samples there is no answer, and the caller falls back on the carrier's estimate.
 *
 * <p>Quantiles are nearest-rank (the smallest number of days within which at least that share of
 * the samples arrived), so they are whole days that actually occurred and P90 is never optimistic.
 */
final class TransitTimes {

    /** The levels of the fallback hierarchy, from the finest to the coarsest. */
    enum Level {
        /** Origin, destination area, carrier, service and shipping weekday: the segment itself. */
        SEGMENT(true, true, true, true),
        /** The same lane and service, shipped on any weekday. */
        LANE_SERVICE(true, true, true, false),
        /** The same lane with the carrier, any service, any weekday. */
        LANE(true, true, false, false),
        /** The destination area with the carrier, from any origin. */
        DESTINATION(false, true, false, false),
        /** The destination country with the carrier, from any origin to any area. */
        COUNTRY(false, false, false, false);

        private final boolean origin;
        private final boolean area;
        private final boolean service;
        private final boolean weekday;

        Level(boolean origin, boolean area, boolean service, boolean weekday) {
            this.origin = origin;
            this.area = area;
            this.service = service;
            this.weekday = weekday;
        }

        private Key key(Segment segment) {
            return new Key(
                    this,
                    origin ? segment.origin() : "",
                    segment.country(),
                    area ? segment.area() : "",
                    segment.carrier(),
                    service ? segment.service() : "",
                    weekday ? segment.weekday() : null);
        }
    }

    /**
     * Where a parcel goes, how and when it left. Text is compared without case and surrounding
     * blanks; an unknown service, area or country is the empty string (unknowns are one group).
     *
     * @param origin the location the parcel left from (a warehouse code, a seller's state)
     * @param country the destination country (ISO 3166-1 alpha-2 in Aftercart)
     * @param area the destination area within the country; see {@link #area(String, String)}
     * @param weekday the day of the week the parcel was handed to the carrier
     */
    record Segment(String origin, String country, String area, String carrier, String service, DayOfWeek weekday) {

        Segment {
            origin = normalise(origin);
            country = normalise(country).toUpperCase(Locale.ROOT);
            area = normalise(area).toUpperCase(Locale.ROOT);
            carrier = normalise(carrier);
            service = normalise(service);
            Objects.requireNonNull(weekday, "weekday");
        }

        Segment withWeekday(DayOfWeek other) {
            return new Segment(origin, country, area, carrier, service, other);
        }

        static Segment of(
                @Nullable String origin,
                @Nullable String country,
                @Nullable String area,
                @Nullable String carrier,
                @Nullable String service,
                DayOfWeek weekday) {
            return new Segment(
                    nullToEmpty(origin),
                    nullToEmpty(country),
                    nullToEmpty(area),
                    nullToEmpty(carrier),
                    nullToEmpty(service),
                    weekday);
        }
    }

    /**
     * What the model says about a segment.
     *
     * @param p50 days within which half of the samples were delivered
     * @param p90 days within which 90 % of the samples were delivered
     * @param level the level of the hierarchy that answered
     * @param samples how many samples that level has for the segment
     */
    record Estimate(int p50, int p90, Level level, long samples) {}

    /** The number of postcode characters that make an area when the address has no region. */
    static final int POSTCODE_PREFIX = 2;

    private final int minSamples;
    private final Map<Key, Histogram> histograms;
    private final long samples;

    private TransitTimes(int minSamples, Map<Key, Histogram> histograms, long samples) {
        this.minSamples = minSamples;
        this.histograms = histograms;
        this.samples = samples;
    }

    /** A model with no samples: it never answers. */
    static TransitTimes empty(int minSamples) {
        return builder(minSamples).build();
    }

    static Builder builder(int minSamples) {
        return new Builder(minSamples);
    }

    /**
     * The destination area of an address: its region (state, province) when it has one, else the
     * first {@value #POSTCODE_PREFIX} letters or digits of its postcode (a French département, a
     * German or Brazilian postcode region), else unknown.
     */
    static @Nullable String area(@Nullable String region, @Nullable String postcode) {
        if (region != null && !region.isBlank()) {
            return region.strip().toUpperCase(Locale.ROOT);
        }
        if (postcode != null) {
            String compact = postcode.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
            if (!compact.isEmpty()) {
                return compact.substring(0, Math.min(POSTCODE_PREFIX, compact.length()));
            }
        }
        return null;
    }

    /**
     * P50 and P90 for the segment from the finest level that has at least the minimum number of
     * samples; empty when none has.
     */
    Optional<Estimate> estimate(Segment segment) {
        for (Level level : Level.values()) {
            Histogram histogram = histograms.get(level.key(segment));
            if (histogram != null && histogram.count >= minSamples) {
                return Optional.of(
                        new Estimate(histogram.quantile(50), histogram.quantile(90), level, histogram.count));
            }
        }
        return Optional.empty();
    }

    /** How many samples the model was built from. */
    long samples() {
        return samples;
    }

    int minSamples() {
        return minSamples;
    }

    /** Collects samples; not thread-safe, build once and share the model. */
    static final class Builder {

        private final int minSamples;
        private final Map<Key, Histogram> histograms = new HashMap<>();
        private long samples;

        private Builder(int minSamples) {
            if (minSamples < 1) {
                throw new IllegalArgumentException("The minimum number of samples must be at least 1");
            }
            this.minSamples = minSamples;
        }

        Builder add(Segment segment, int days) {
            return add(segment, days, 1);
        }

        /** Adds {@code count} parcels of the segment that took {@code days}; negative days are ignored. */
        Builder add(Segment segment, int days, long count) {
            if (days < 0 || count <= 0) {
                return this;
            }
            for (Level level : Level.values()) {
                histograms
                        .computeIfAbsent(level.key(segment), key -> new Histogram())
                        .add(days, count);
            }
            samples += count;
            return this;
        }

        TransitTimes build() {
            return new TransitTimes(minSamples, Map.copyOf(histograms), samples);
        }
    }

    private record Key(
            Level level,
            String origin,
            String country,
            String area,
            String carrier,
            String service,
            @Nullable DayOfWeek weekday) {}

    /** Counts of parcels by whole days in transit. */
    private static final class Histogram {

        private long[] counts = new long[16];
        private long count;

        void add(int days, long n) {
            if (days >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(days + 1, counts.length * 2));
            }
            counts[days] += n;
            count += n;
        }

        /** Nearest rank: the smallest number of days by which at least {@code percent} % of the samples arrived. */
        int quantile(int percent) {
            long rank = Math.max(1, (percent * count + 99) / 100);
            long seen = 0;
            for (int days = 0; days < counts.length; days++) {
                seen += counts[days];
                if (seen >= rank) {
                    return days;
                }
            }
            return counts.length - 1;
        }
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return "TransitTimes[" + samples + " samples, " + histograms.size() + " groups, at least " + minSamples
                + " per answer]";
    }
}
