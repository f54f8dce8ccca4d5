package org.aftercart.returns;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy rules as the database keeps them (the admin's policy, and the one each return was decided
 * under): durations as ISO-8601 text and amounts as decimal text, so nothing is rounded on the way.
 * Read back through {@link ReturnPolicyRules}, so a stored policy is checked like any other.
 */
@Component
class PolicyJson {

    record Stored(
            String window,
            Map<String, String> categoryWindows,
            Set<String> finalSaleSkus,
            Set<String> finalSaleCategories,
            Set<String> allowedCountries,
            boolean autoApprove,
            @Nullable String autoApproveUpTo,
            String storeCreditBonusPercent,
            boolean instantExchange,
            @Nullable String returnShippingCost,
            String exchangeOutOfStock) {}

    private final JsonMapper json;

    PolicyJson(JsonMapper json) {
        this.json = json;
    }

    String write(ReturnPolicyRules rules) {
        Map<String, String> windows = new TreeMap<>();
        rules.categoryWindows().forEach((category, window) -> windows.put(category, window.toString()));
        return json.writeValueAsString(new Stored(
                rules.window().toString(),
                windows,
                rules.finalSaleSkus(),
                rules.finalSaleCategories(),
                rules.allowedCountries(),
                rules.autoApprove(),
                text(rules.autoApproveUpTo()),
                rules.storeCreditBonusPercent().toPlainString(),
                rules.instantExchange(),
                text(rules.returnShippingCost()),
                rules.exchangeOutOfStock().name()));
    }

    ReturnPolicyRules read(String text) {
        Stored stored = json.readValue(text, Stored.class);
        Map<String, Duration> windows = new TreeMap<>();
        stored.categoryWindows().forEach((category, window) -> windows.put(category, Duration.parse(window)));
        return new ReturnPolicyRules(
                Duration.parse(stored.window()),
                windows,
                stored.finalSaleSkus(),
                stored.finalSaleCategories(),
                stored.allowedCountries(),
                stored.autoApprove(),
                amount(stored.autoApproveUpTo()),
                new BigDecimal(stored.storeCreditBonusPercent()),
                stored.instantExchange(),
                amount(stored.returnShippingCost()),
                ReturnOutcome.valueOf(stored.exchangeOutOfStock()));
    }

    private static @Nullable String text(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static @Nullable BigDecimal amount(@Nullable String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
