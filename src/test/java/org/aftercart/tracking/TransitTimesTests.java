package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.aftercart.tracking.TransitTimes.Estimate;
import org.aftercart.tracking.TransitTimes.Level;
import org.aftercart.tracking.TransitTimes.Segment;
import org.junit.jupiter.api.Test;

class TransitTimesTests {

    static final Segment PARIS_MONDAY = Segment.of("WH1", "FR", "75", "La Poste", "Colissimo", DayOfWeek.MONDAY);

    @Test
    void p50AndP90AreNearestRankQuantilesInWholeDays() {
        // 10 parcels took 2 days, 10 took 3, 7 took 4 and 3 took 6: 30 in all.
        TransitTimes model = TransitTimes.builder(20)
                .add(PARIS_MONDAY, 2, 10)
                .add(PARIS_MONDAY, 3, 10)
                .add(PARIS_MONDAY, 4, 7)
                .add(PARIS_MONDAY, 6, 3)
                .build();

        assertThat(model.estimate(PARIS_MONDAY)).contains(new Estimate(3, 4, Level.SEGMENT, 30));
        assertThat(model.samples()).isEqualTo(30);
    }

    @Test
    void quantilesOfOneValueAndOfATail() {
        TransitTimes single = TransitTimes.builder(1).add(PARIS_MONDAY, 5).build();
        assertThat(single.estimate(PARIS_MONDAY).orElseThrow())
                .extracting(Estimate::p50, Estimate::p90)
                .containsExactly(5, 5);

        // 1..10 days, one parcel each: half arrived within 5 days, 90 % within 9.
        TransitTimes.Builder builder = TransitTimes.builder(10);
        for (int days = 1; days <= 10; days++) {
            builder.add(PARIS_MONDAY, days);
        }
        assertThat(builder.build().estimate(PARIS_MONDAY).orElseThrow())
                .extracting(Estimate::p50, Estimate::p90)
                .containsExactly(5, 9);

        // A long tail beyond the first histogram size.
        TransitTimes slow = TransitTimes.builder(2)
                .add(PARIS_MONDAY, 1)
                .add(PARIS_MONDAY, 40)
                .build();
        assertThat(slow.estimate(PARIS_MONDAY).orElseThrow().p90()).isEqualTo(40);
    }

    @Test
    void tooFewSamplesAnywhereGiveNoAnswer() {
        TransitTimes model = TransitTimes.builder(20).add(PARIS_MONDAY, 2, 19).build();

        assertThat(model.estimate(PARIS_MONDAY)).isEmpty();
        assertThat(TransitTimes.empty(20).estimate(PARIS_MONDAY)).isEmpty();
    }

    @Test
    void aThinSegmentFallsBackOnTheSameLaneOnAnyWeekday() {
        TransitTimes model = TransitTimes.builder(20)
                .add(PARIS_MONDAY, 2, 5)
                .add(PARIS_MONDAY.withWeekday(DayOfWeek.FRIDAY), 4, 15)
                .build();

        assertThat(model.estimate(PARIS_MONDAY)).contains(new Estimate(4, 4, Level.LANE_SERVICE, 20));
        assertThat(model.estimate(PARIS_MONDAY.withWeekday(DayOfWeek.SUNDAY)))
                .map(Estimate::level)
                .contains(Level.LANE_SERVICE);
    }

    @Test
    void theHierarchyDropsWeekdayThenServiceThenOriginThenArea() {
        Segment express = Segment.of("WH1", "FR", "75", "La Poste", "Chronopost", DayOfWeek.MONDAY);
        Segment otherWarehouse = Segment.of("WH2", "FR", "75", "La Poste", "Colissimo", DayOfWeek.MONDAY);
        Segment lyon = Segment.of("WH2", "FR", "69", "La Poste", "Colissimo", DayOfWeek.MONDAY);
        TransitTimes model = TransitTimes.builder(3)
                .add(PARIS_MONDAY, 1, 3)
                .add(express.withWeekday(DayOfWeek.TUESDAY), 1)
                .add(otherWarehouse.withWeekday(DayOfWeek.TUESDAY), 5)
                .add(lyon.withWeekday(DayOfWeek.WEDNESDAY), 9)
                .build();

        assertThat(model.estimate(PARIS_MONDAY).orElseThrow().level()).isEqualTo(Level.SEGMENT);
        // Chronopost from WH1 to Paris: 1 parcel of its own, 4 with Colissimo on the same lane.
        assertThat(model.estimate(express).orElseThrow().level()).isEqualTo(Level.LANE);
        // From WH2 to Paris: 1 parcel on the lane, 5 to Paris from any warehouse.
        assertThat(model.estimate(otherWarehouse)).contains(new Estimate(1, 5, Level.DESTINATION, 5));
        // From WH2 to Lyon: 1 parcel to Lyon, 6 to France.
        assertThat(model.estimate(lyon)).contains(new Estimate(1, 9, Level.COUNTRY, 6));
    }

    @Test
    void everyLevelKeepsTheCarrierAndTheCountry() {
        TransitTimes model = TransitTimes.builder(1).add(PARIS_MONDAY, 2, 50).build();

        assertThat(model.estimate(Segment.of("WH1", "FR", "75", "DPD", "Colissimo", DayOfWeek.MONDAY)))
                .isEmpty();
        assertThat(model.estimate(Segment.of("WH1", "BE", "75", "La Poste", "Colissimo", DayOfWeek.MONDAY)))
                .isEmpty();
    }

    @Test
    void segmentsCompareWithoutCaseOrBlanksAndUnknownsFormOneGroup() {
        TransitTimes model = TransitTimes.builder(2)
                .add(Segment.of(" wh1", "fr", "75", "LA POSTE", "colissimo ", DayOfWeek.MONDAY), 2)
                .add(PARIS_MONDAY, 2)
                .add(Segment.of("WH1", "FR", null, "La Poste", null, DayOfWeek.MONDAY), 7, 2)
                .build();

        assertThat(model.estimate(PARIS_MONDAY)).map(Estimate::level).contains(Level.SEGMENT);
        assertThat(model.estimate(Segment.of("WH1", "FR", "", "La Poste", "", DayOfWeek.MONDAY)))
                .contains(new Estimate(7, 7, Level.SEGMENT, 2));
    }

    @Test
    void negativeTransitTimesAndEmptyCountsAreIgnored() {
        TransitTimes model = TransitTimes.builder(1)
                .add(PARIS_MONDAY, -1)
                .add(PARIS_MONDAY, 3, 0)
                .build();

        assertThat(model.samples()).isZero();
        assertThat(model.estimate(PARIS_MONDAY)).isEmpty();
        assertThatThrownBy(() -> TransitTimes.builder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAreaIsTheRegionElseAPostcodePrefix() {
        assertThat(TransitTimes.area(" ca ", "94105")).isEqualTo("CA");
        assertThat(TransitTimes.area(null, "75002")).isEqualTo("75");
        assertThat(TransitTimes.area("", "sw1a 1aa")).isEqualTo("SW");
        assertThat(TransitTimes.area(null, "-")).isNull();
        assertThat(TransitTimes.area(null, null)).isNull();
    }
}
