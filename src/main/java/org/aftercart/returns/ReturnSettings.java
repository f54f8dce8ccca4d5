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
 * They are checked and built into {@link ReturnPolicyRules} once, here, by the rules the console's
 * changes pass too; the other settings are how returns are executed.
 */
@ConfigurationProperties("aftercart.returns")
final class ReturnSettings {

    private final ReturnPolicyRules rules;
    private final Duration exchangeReservationHold;
    private final Duration instantExchangeDeadline;
    private final String defaultRestockLocation;
    private final Duration refundRetryAfter;
    private final List<String> returnAddress;

    /**
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
    ReturnSettings(
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
        this.exchangeReservationHold = exchangeReservationHold == null ? Duration.ofDays(14) : exchangeReservationHold;
        this.instantExchangeDeadline = instantExchangeDeadline == null ? Duration.ofDays(30) : instantExchangeDeadline;
        this.defaultRestockLocation = defaultRestockLocation == null ? "MAIN" : defaultRestockLocation;
        this.refundRetryAfter = refundRetryAfter == null ? Duration.ofMinutes(5) : refundRetryAfter;
        this.returnAddress = returnAddress == null || returnAddress.stream().allMatch(String::isBlank)
                ? List.of("Returns department", "1 Warehouse Way", "Leeds LS1 1AA", "United Kingdom")
                : List.copyOf(returnAddress);
        if (this.exchangeReservationHold.isNegative() || this.instantExchangeDeadline.isNegative()) {
            throw new IllegalArgumentException("aftercart.returns durations cannot be negative");
        }
        this.rules = new ReturnPolicyRules(
                window == null ? Duration.ofDays(30) : window,
                categoryWindows == null ? Map.of() : categoryWindows,
                finalSaleSkus == null ? Set.of() : finalSaleSkus,
                finalSaleCategories == null ? Set.of() : finalSaleCategories,
                allowedCountries == null ? Set.of() : allowedCountries,
                autoApprove == null || autoApprove,
                autoApproveUpTo,
                storeCreditBonusPercent == null ? BigDecimal.ZERO : storeCreditBonusPercent,
                instantExchange == null || instantExchange,
                returnShippingCost,
                exchangeOutOfStock == null ? ReturnOutcome.STORE_CREDIT : exchangeOutOfStock);
    }

    /** The policy rules configured: the defaults an admin's changes in the console override. */
    ReturnPolicyRules rules() {
        return rules;
    }

    Duration exchangeReservationHold() {
        return exchangeReservationHold;
    }

    Duration instantExchangeDeadline() {
        return instantExchangeDeadline;
    }

    String defaultRestockLocation() {
        return defaultRestockLocation;
    }

    Duration refundRetryAfter() {
        return refundRetryAfter;
    }

    List<String> returnAddress() {
        return returnAddress;
    }
}
