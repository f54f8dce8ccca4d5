package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.aftercart.orders.LineQuantities;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy rules as example tables: one row per situation, the verdict and the rule that decides it. */
class ReturnPolicyUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** 30 days by default, 60 for shoes, 7 for electronics; final sale: SKU SALE-1 and category clearance; GB and FR only. */
    private final ReturnPolicy policy = new ReturnPolicy(new ReturnSettings(
                    Duration.ofDays(30),
                    Map.of("shoes", Duration.ofDays(60), "electronics", Duration.ofDays(7)),
                    Set.of("SALE-1"),
                    Set.of("clearance"),
                    Set.of("gb", "FR"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null)
            .rules());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
                    # case                                   | sku    | category    | country | shipped | delivered | shippedDaysAgo | deliveredDaysAgo | requested | returned | returnable | refusedBy
                    delivered yesterday                      | A-1    | tops        | GB      | 2       | 2         | 3              | 1                | 0         | 0        | 2          | -
                    one already asked back                   | A-1    | tops        | GB      | 2       | 2         | 3              | 1                | 1         | 0        | 1          | -
                    all asked back or returned               | A-1    | tops        | GB      | 2       | 2         | 3              | 1                | 1         | 1        | 0          | already-returned
                    only delivered units count               | A-1    | tops        | GB      | 3       | 1         | 3              | 1                | 0         | 0        | 1          | -
                    shipped, delivery unknown                | A-1    | tops        | GB      | 2       | 0         | 10             | -                | 0         | 0        | 2          | -
                    nothing shipped                          | A-1    | tops        | GB      | 0       | 0         | -              | -                | 0         | 0        | 0          | not-shipped
                    window: day 30 after delivery            | A-1    | tops        | GB      | 1       | 1         | 35             | 29               | 0         | 0        | 1          | -
                    window: day 31 after delivery            | A-1    | tops        | GB      | 1       | 1         | 35             | 31               | 0         | 0        | 0          | return-window
                    window counts from shipping when unknown | A-1    | tops        | GB      | 1       | 0         | 31             | -                | 0         | 0        | 0          | return-window
                    category window longer                   | S-1    | shoes       | GB      | 1       | 1         | 50             | 45               | 0         | 0        | 1          | -
                    category window shorter                  | E-1    | electronics | GB      | 1       | 1         | 10             | 8                | 0         | 0        | 0          | return-window
                    final-sale SKU                           | SALE-1 | tops        | GB      | 1       | 1         | 3              | 1                | 0         | 0        | 0          | final-sale
                    final-sale category                      | C-1    | clearance   | GB      | 1       | 1         | 3              | 1                | 0         | 0        | 0          | final-sale
                    region not allowed                       | A-1    | tops        | US      | 1       | 1         | 3              | 1                | 0         | 0        | 0          | region
                    region allowed, any case in settings     | A-1    | tops        | FR      | 1       | 1         | 3              | 1                | 0         | 0        | 1          | -
                    no category                              | A-1    | -           | GB      | 1       | 1         | 3              | 1                | 0         | 0        | 1          | -
                    """)
    void decidesPerLine(
            String situation,
            String sku,
            String category,
            String country,
            int shipped,
            int delivered,
            Integer shippedDaysAgo,
            Integer deliveredDaysAgo,
            int requested,
            int returned,
            int returnable,
            String refusedBy) {
        Eligibility.Line line = policy.evaluate(
                new ReturnPolicy.LineFacts(
                        UUID.randomUUID(),
                        sku,
                        "Item " + sku,
                        new LineQuantities(3, 0, shipped, shipped, delivered, requested, returned, 0),
                        category,
                        country,
                        shippedDaysAgo == null ? null : NOW.minus(Duration.ofDays(shippedDaysAgo)),
                        deliveredDaysAgo == null ? null : NOW.minus(Duration.ofDays(deliveredDaysAgo)),
                        Money.of("20.00", "EUR")),
                NOW);
        assertThat(line.returnableQuantity()).as(situation).isEqualTo(returnable);
        if (refusedBy == null) {
            assertThat(line.refusals()).as(situation).isEmpty();
            assertThat(line.allowedOutcomes())
                    .containsExactlyInAnyOrder(
                            ReturnOutcome.REFUND, ReturnOutcome.STORE_CREDIT, ReturnOutcome.EXCHANGE);
        } else {
            assertThat(line.refusals()).as(situation).extracting(Refusal::rule).contains(refusedBy);
            assertThat(line.refusals()).allSatisfy(refusal -> assertThat(refusal.messageKey())
                    .isEqualTo("returns.rule." + refusal.rule()));
            assertThat(line.allowedOutcomes()).isEmpty();
        }
    }

    @Test
    void aRefusalSaysWhenTheWindowClosedAndFromWhat() {
        Eligibility.Line line = policy.evaluate(
                new ReturnPolicy.LineFacts(
                        UUID.randomUUID(),
                        "A-1",
                        "Item",
                        new LineQuantities(1, 0, 1, 1, 1, 0, 0, 0),
                        null,
                        "GB",
                        NOW.minus(Duration.ofDays(40)),
                        NOW.minus(Duration.ofDays(35)),
                        Money.of("20.00", "EUR")),
                NOW);
        assertThat(line.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message())
                    .isEqualTo("The 30-day return window of A-1 closed on 2026-11-26 (counted from delivery)");
            assertThat(refusal.arguments()).containsExactly("A-1", "30", "2026-11-26");
        });
        assertThat(line.windowEndsAt()).isEqualTo(NOW.minus(Duration.ofDays(5)));
    }

    @ParameterizedTest(name = "{0} × ({1} + {2} − {3}) / {1} = {4}")
    @CsvSource({
        // unit price, order subtotal, tax, discount, paid per unit
        "40.00, 80.00, 0.00, 0.00, 40.00",
        "40.00, 80.00, 0.00, 8.00, 36.00",
        "40.00, 80.00, 16.00, 0.00, 48.00",
        // 10.00 of a 30.00 subtotal with 1.00 off: 9.666… rounds down, never more than was paid
        "10.00, 30.00, 0.00, 1.00, 9.66",
        "40.00, 80.00, 0.00, 80.00, 0.00"
    })
    void paidPerUnitSharesTaxAndDiscountAndRoundsDown(
            BigDecimal unit, BigDecimal subtotal, BigDecimal tax, BigDecimal discount, String paid) {
        var order = OrderViews.order(unit, subtotal, tax, discount);
        assertThat(ReturnMoney.paidPerUnit(order, order.lines().getFirst())
                        .amount()
                        .toPlainString())
                .isEqualTo(paid);
    }

    @ParameterizedTest
    @CsvSource({"40.00, 10, 4.00", "33.33, 10, 3.33", "40.00, 0, 0.00", "19.99, 12.5, 2.49"})
    void bonusIsAPercentOfTheCreditRoundedDown(String credit, BigDecimal percent, String bonus) {
        assertThat(ReturnMoney.bonus(Money.of(credit, "EUR"), percent).amount().toPlainString())
                .isEqualTo(bonus);
    }
}
