package org.aftercart.returns;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the merchant's return policy that decide a new return request (domain.md section
 * 7): set by configuration ({@code aftercart.returns.*}) and changed by an admin in the console.
 * Built only valid: the one place these rules are checked, for the configuration and the console
 * alike; every broken rule is named at once in {@link InvalidReturnPolicy}.
 *
 * @param window how long after delivery (after shipping when delivery is unknown) items may be returned
 * @param categoryWindows a longer or shorter window for some product categories
 * @param finalSaleSkus SKUs that cannot be returned
 * @param finalSaleCategories product categories that cannot be returned
 * @param allowedCountries ship-to countries (ISO 3166 two-letter codes, upper case) returns are
 *     accepted from; empty for anywhere
 * @param autoApprove approve requests by rule instead of waiting for a person: unless a reason needs
 *     inspection or the return is worth more than {@code autoApproveUpTo}
 * @param autoApproveUpTo the value above which a person approves; none when {@code null}
 * @param storeCreditBonusPercent extra credit given on top of store credit, to steer toward credit
 * @param instantExchange whether customers may choose an instant exchange
 * @param returnShippingCost what sending a return back costs the merchant; a mailed return worth less
 *     is refunded or credited without the items coming back; none when {@code null}
 * @param exchangeOutOfStock what an exchange falls back to when its item is out of stock
 *     ({@code STORE_CREDIT} or {@code REFUND})
 */
public record ReturnPolicyRules(
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

    /** A window longer than this (ten years) is a typing mistake, not a policy. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(3650);

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** One broken rule: the component it concerns and why, in English. */
    public record Violation(String field, String message) {}

    public ReturnPolicyRules {
        List<Violation> violations = new ArrayList<>();
        checkWindow("window", window, violations);
        Map<String, Duration> windows = new LinkedHashMap<>();
        categoryWindows.forEach((category, days) -> {
            String name = category.strip();
            if (name.isEmpty()) {
                violations.add(new Violation("categoryWindows", "a category window needs its category"));
            } else if (windows.put(name, days) != null) {
                violations.add(new Violation("categoryWindows", "the category " + name + " has two windows"));
            }
            checkWindow("categoryWindows", days, violations);
        });
        categoryWindows = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(windows));
        finalSaleSkus = cleaned(finalSaleSkus, false);
        finalSaleCategories = cleaned(finalSaleCategories, false);
        allowedCountries = cleaned(allowedCountries, true);
        for (String country : allowedCountries) {
            if (!COUNTRIES.contains(country)) {
                violations.add(new Violation(
                        "allowedCountries", country + " is not an ISO 3166 two-letter country code (e.g. GB, FR)"));
            }
        }
        checkAmount("autoApproveUpTo", autoApproveUpTo, violations);
        checkAmount("storeCreditBonusPercent", storeCreditBonusPercent, violations);
        checkAmount("returnShippingCost", returnShippingCost, violations);
        if (exchangeOutOfStock != ReturnOutcome.STORE_CREDIT && exchangeOutOfStock != ReturnOutcome.REFUND) {
            violations.add(new Violation("exchangeOutOfStock", "an exchange falls back to STORE_CREDIT or REFUND"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidReturnPolicy(violations);
        }
    }

    Duration windowFor(@Nullable String category) {
        return category == null ? window : categoryWindows.getOrDefault(category, window);
    }

    boolean finalSale(String sku, @Nullable String category) {
        return finalSaleSkus.contains(sku) || (category != null && finalSaleCategories.contains(category));
    }

    private static void checkWindow(String field, Duration window, List<Violation> violations) {
        if (window.isNegative()) {
            violations.add(new Violation(field, "a return window cannot be negative"));
        } else if (window.compareTo(LONGEST_WINDOW) > 0) {
            violations.add(new Violation(field, "a return window is at most " + LONGEST_WINDOW.toDays() + " days"));
        }
    }

    private static void checkAmount(String field, @Nullable BigDecimal amount, List<Violation> violations) {
        if (amount != null && amount.signum() < 0) {
            violations.add(new Violation(field, "cannot be negative"));
        }
    }

    /** Trimmed, blanks dropped, sorted so that two equal policies print alike in the audit log. */
    private static Set<String> cleaned(Set<String> values, boolean upperCase) {
        TreeSet<String> cleaned = new TreeSet<>();
        for (String value : values) {
            String trimmed = value.strip();
            if (!trimmed.isEmpty()) {
                cleaned.add(upperCase ? trimmed.toUpperCase(Locale.ROOT) : trimmed);
            }
        }
        return java.util.Collections.unmodifiableSortedSet(cleaned);
    }
}
