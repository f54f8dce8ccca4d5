package org.aftercart.returns;

import java.util.List;
import org.aftercart.shared.Money;

/**
 * What the returns requested in a period say: how many, why, and what the customers get back.
 * Cancelled and rejected returns do not count.
 *
 * @param returns returns requested in the period
 * @param topReasons the reasons given most, by returned units, most first
 * @param outcomes units and their value per outcome and currency, exact
 */
public record ReturnFigures(long returns, List<ReasonCount> topReasons, List<OutcomeMix> outcomes) {

    public ReturnFigures {
        topReasons = List.copyOf(topReasons);
        outcomes = List.copyOf(outcomes);
    }

    /** Units returned for one reason (a code of {@link Returns#reasons()}). */
    public record ReasonCount(String reasonCode, long units) {}

    /** Units with one outcome in one currency, and what they were paid. */
    public record OutcomeMix(ReturnOutcome outcome, long units, Money value) {}
}
