package org.aftercart.returns;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant's return policy and how returns are executed ({@code aftercart.returns.*}). The
 * policy rules here are defaults: an admin may override them in the console ({@link
 * ReturnPolicySettings}), and what decides a new request is the effective policy, never these alone.
 *
 * @param window how long after delivery (after shipping when delivery is unknown) items may be returned
 * @param categoryWindows a longer or shorter window for some product categories
 * @param finalSaleSkus SKUs that cannot be returned
 * @param finalSaleCategories product categories that cannot be returned
 * @param allowedCountries ship-to countries (ISO codes) returns are accepted from; empty for anywhere
 * @param autoApprove approve requests by rule instead of waiting for a person: unless a reason needs
 *     inspection or the return is worth more than {@code autoApproveUpTo}
 * @param autoApproveUpTo the value above which a person approves; none when {@code null}
 * @param storeCreditBonusPercent extra credit given on top of store credit, to steer toward credit
 * @param exchangeReservationHold how long stock for an exchange stays reserved while the return comes back
 * @param exchangeOutOfStock the outcome an exchange falls back to when its item is out of stock
 *     ({@code STORE_CREDIT} or {@code REFUND})
 * @param instantExchange whether customers may choose an instant exchange
 * @param instantExchangeDeadline the hold for an instant exchange is taken when the return has not
 *     arrived this long after approval
 * @param returnShippingCost what sending a return back costs the merchant; a mailed return worth no
 *     more than this is refunded or credited without the items coming back; none when {@code null}
 * @param defaultRestockLocation where resellable items go back on the shelf, unless said otherwise
 * @param refundRetryAfter a refund left pending this long (e.g. after a crash) is tried again with its key
 * @param returnAddress where return parcels go, as printed on return labels: one to six lines, name first
 */
@ConfigurationProperties("aftercart.returns")
record ReturnSettings(
        @Nullable Duration window,
        @Nullable Map<String, Duration> categoryWindows,
        @Nullable Set<String> finalSaleSkus,
        @Nullable Set<String> finalSaleCategories,
        @Nullable Set<String> allowedCountries,
        @Nullable Boolean autoApprove,
        @Nullable BigDecimal autoApproveUpTo,
        @Nullable BigDecimal storeCreditBonusPercent,
        @Nullable Duration exchangeReservationHold,
        @Nullable ReturnOutcome exchangeOutOfStock,
        @Nullable Boolean instantExchange,
        @Nullable Duration instantExchangeDeadline,
        @Nullable BigDecimal returnShippingCost,
        @Nullable String defaultRestockLocation,
        @Nullable Duration refundRetryAfter,
        @Nullable List<String> returnAddress) {

    ReturnSettings {
        window = window == null ? Duration.ofDays(30) : window;
        categoryWindows = categoryWindows == null ? Map.of() : Map.copyOf(categoryWindows);
        finalSaleSkus = finalSaleSkus == null ? Set.of() : Set.copyOf(finalSaleSkus);
        finalSaleCategories = finalSaleCategories == null ? Set.of() : Set.copyOf(finalSaleCategories);
        allowedCountries = allowedCountries == null ? Set.of() : Set.copyOf(allowedCountries);
        autoApprove = autoApprove == null || autoApprove;
        storeCreditBonusPercent = storeCreditBonusPercent == null ? BigDecimal.ZERO : storeCreditBonusPercent;
        exchangeReservationHold = exchangeReservationHold == null ? Duration.ofDays(14) : exchangeReservationHold;
        exchangeOutOfStock = exchangeOutOfStock == null ? ReturnOutcome.STORE_CREDIT : exchangeOutOfStock;
        instantExchange = instantExchange == null || instantExchange;
        instantExchangeDeadline = instantExchangeDeadline == null ? Duration.ofDays(30) : instantExchangeDeadline;
        defaultRestockLocation = defaultRestockLocation == null ? "MAIN" : defaultRestockLocation;
        refundRetryAfter = refundRetryAfter == null ? Duration.ofMinutes(5) : refundRetryAfter;
        returnAddress = returnAddress == null || returnAddress.stream().allMatch(String::isBlank)
                ? List.of("Returns department", "1 Warehouse Way", "Leeds LS1 1AA", "United Kingdom")
                : List.copyOf(returnAddress);
        if (exchangeReservationHold.isNegative() || instantExchangeDeadline.isNegative()) {
            throw new IllegalArgumentException("aftercart.returns durations cannot be negative");
        }
        // The policy rules are checked where the console's are (the fields are not assigned yet).
        rules(
                window,
                categoryWindows,
                finalSaleSkus,
                finalSaleCategories,
                allowedCountries,
                autoApprove,
                autoApproveUpTo,
                storeCreditBonusPercent,
                instantExchange,
                returnShippingCost,
                exchangeOutOfStock);
    }

    /** The policy rules configured: the defaults an admin's changes in the console override. */
    ReturnPolicyRules rules() {
        return rules(
                window,
                categoryWindows,
                finalSaleSkus,
                finalSaleCategories,
                allowedCountries,
                autoApprove,
                autoApproveUpTo,
                storeCreditBonusPercent,
                instantExchange,
                returnShippingCost,
                exchangeOutOfStock);
    }

    private static ReturnPolicyRules rules(
            Duration window,
            Map<String, Duration> categoryWindows,
            Set<String> finalSaleSkus,
            Set<String> finalSaleCategories,
            Set<String> allowedCountries,
            boolean autoApprove,
            @Nullable BigDecimal autoApproveUpTo,
            BigDecimal storeCreditBonusPercent,
            boolean instantExchange,
            @Nullable BigDecimal returnShippingCost,
            ReturnOutcome exchangeOutOfStock) {
        return new ReturnPolicyRules(
                window,
                categoryWindows,
                finalSaleSkus,
                finalSaleCategories,
                allowedCountries,
                autoApprove,
                autoApproveUpTo,
                storeCreditBonusPercent,
                instantExchange,
                returnShippingCost,
                exchangeOutOfStock);
    }
}
