package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aftercart.tracking.OlistPromiseEvaluation.Figures;
import org.aftercart.tracking.OlistPromiseEvaluation.Order;
import org.aftercart.tracking.OlistPromiseEvaluation.Start;
import org.junit.jupiter.api.Test;

/**
 * The Olist evaluation's arithmetic on a few made-up orders, and its reading of the Olist sample
 * in the shared data folder (system property {@code aftercart.shared-data}) when it is there.
 */
class OlistPromiseEvaluationTests {

    static final LocalDate CUT_OFF = LocalDate.of(2018, 3, 1);

    @Test
    void learnsBeforeTheCutOffAndComparesBothPromisesOnTheOrdersAfterIt() {
        List<Order> orders = new ArrayList<>();
        // 20 orders SP -> RJ handed over on Mondays in February: 10 took 3 days, 10 took 5.
        LocalDateTime monday = LocalDateTime.of(2018, 2, 5, 10, 0);
        for (int i = 0; i < 20; i++) {
            LocalDateTime handedOver = monday.plusWeeks(i % 3);
            orders.add(order("train" + i, handedOver, i < 10 ? 3 : 5, 20));
        }
        // Handed over after the cut-off but purchased before it: neither learned from nor evaluated.
        orders.add(order("straddling", LocalDateTime.of(2018, 3, 1, 9, 0), 4, 20));
        // Evaluated: a Monday in March taking 4 days, and one taking 7 (after our P90 of 5).
        orders.add(order("kept", LocalDateTime.of(2018, 3, 5, 10, 0), 4, 10));
        orders.add(order("late", LocalDateTime.of(2018, 3, 12, 10, 0), 7, 6));

        var comparison = OlistPromiseEvaluation.evaluate(orders, CUT_OFF, 20, Start.HAND_OVER);

        assertThat(comparison.trainedOn()).isEqualTo(20);
        assertThat(comparison.levels()).isEqualTo(Map.of(TransitTimes.Level.SEGMENT, 2));
        // P50 3 days: errors 1 and 4. P90 5 days: the first on time, the second not.
        assertThat(comparison.ours()).isEqualTo(new Figures(2, 2.5, -2.5, 0.5, 5, 5.5));
        // Olist promised 10 and 6 days: errors 6 and 1, the second late by a day too.
        assertThat(comparison.olist()).isEqualTo(new Figures(2, 3.5, 2.5, 0.5, 8, 5.5));
    }

    @Test
    void readsTheDeliveredOrdersOfTheOlistSample() throws IOException {
        Path olist = Path.of(System.getProperty("aftercart.shared-data", "../shared/data"))
                .resolve("olist");
        assumeTrue(Files.isDirectory(olist.resolve("sample")), "needs " + olist);

        var orders = OlistPromiseEvaluation.read(olist);

        assertThat(orders.delivered()).isEqualTo(5_172);
        assertThat(orders.incomplete()).isEqualTo(8);
        assertThat(orders.carrierAfterDelivery()).isEqualTo(3);
        assertThat(orders.usable()).hasSize(5_161);

        var comparison = OlistPromiseEvaluation.evaluate(orders.usable(), CUT_OFF, 20, Start.HAND_OVER);
        assertThat(comparison.trainedOn()).isEqualTo(2_852);
        assertThat(comparison.ours().orders()).isEqualTo(2_108);
        assertThat(comparison.unanswered()).isZero();
        // The figures of docs/benchmarks.md.
        assertThat(comparison.ours().meanAbsoluteError()).isCloseTo(4.34, within(0.005));
        assertThat(comparison.ours().onTime()).isCloseTo(0.899, within(0.0005));
        assertThat(comparison.olist().meanAbsoluteError()).isCloseTo(12.87, within(0.005));
        assertThat(comparison.olist().onTime()).isCloseTo(0.930, within(0.0005));
    }

    /** An order from SP to RJ purchased a day before hand-over, estimated {@code estimatedDays} after it. */
    private static Order order(String id, LocalDateTime handedOver, int days, int estimatedDays) {
        return new Order(
                id,
                handedOver.minusDays(1),
                handedOver,
                handedOver.plusDays(days).plusHours(3),
                handedOver.toLocalDate().plusDays(estimatedDays),
                "SP",
                "RJ");
    }
}
