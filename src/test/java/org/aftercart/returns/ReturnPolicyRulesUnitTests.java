package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The policy rules are checked in one place, for the configuration and the console alike. */
class ReturnPolicyRulesUnitTests {

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThatThrownBy(() -> new ReturnPolicyRules(
                        Duration.ofDays(-1),
                        Map.of(" ", Duration.ofDays(3), "shoes", Duration.ofDays(4000)),
                        Set.of(),
                        Set.of(),
                        Set.of("gb", "UK"),
                        true,
                        new BigDecimal("-1"),
                        new BigDecimal("-5"),
                        true,
                        new BigDecimal("-0.01"),
                        ReturnOutcome.EXCHANGE))
                .isInstanceOfSatisfying(InvalidReturnPolicy.class, invalid -> assertThat(invalid.violations())
                        .extracting(ReturnPolicyRules.Violation::field)
                        .containsExactlyInAnyOrder(
                                "window",
                                "categoryWindows",
                                "categoryWindows",
                                "allowedCountries",
                                "autoApproveUpTo",
                                "storeCreditBonusPercent",
                                "returnShippingCost",
                                "exchangeOutOfStock"));
    }

    @Test
    void theConfigurationIsCheckedByTheSameRules() {
        assertThatThrownBy(() -> new ReturnSettings(
                        null,
                        null,
                        null,
                        null,
                        Set.of("Narnia"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(InvalidReturnPolicy.class)
                .hasMessageContaining("allowedCountries: NARNIA is not an ISO 3166");
    }

    @Test
    void valuesAreCleanedAndSurviveTheDatabaseUnchanged() {
        ReturnPolicyRules rules = new ReturnPolicyRules(
                Duration.ofDays(21),
                Map.of("shoes ", Duration.ofDays(60)),
                Set.of(" SALE-2", "SALE-1", ""),
                Set.of("clearance"),
                Set.of("fr", " gb"),
                false,
                null,
                new BigDecimal("12.5"),
                false,
                new BigDecimal("4.50"),
                ReturnOutcome.REFUND);

        assertThat(rules.categoryWindows()).containsOnlyKeys("shoes");
        assertThat(rules.finalSaleSkus()).containsExactly("SALE-1", "SALE-2");
        assertThat(rules.allowedCountries()).containsExactly("FR", "GB");
        PolicyJson json = new PolicyJson(JsonMapper.builder().build());
        assertThat(json.read(json.write(rules))).isEqualTo(rules);
    }
}
