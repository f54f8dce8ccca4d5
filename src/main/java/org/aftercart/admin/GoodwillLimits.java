package org.aftercart.admin;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The most store credit one member of staff may grant as goodwill in one go, per role and currency
 * ({@code aftercart.console.goodwill-limit.<role>.<currency>}, e.g. {@code agent.EUR: 25.00}). A
 * currency without a limit for the role allows no goodwill in it; with several roles the highest
 * limit applies. Without configuration: admin 500, agent 25, associate 10 in EUR, GBP and USD.
 */
@ConfigurationProperties("aftercart.console")
record GoodwillLimits(@Nullable Map<StaffAccounts.Role, Map<Currency, BigDecimal>> goodwillLimit) {

    private static final Map<StaffAccounts.Role, Map<Currency, BigDecimal>> DEFAULTS = Map.of(
            StaffAccounts.Role.ADMIN, inMainCurrencies("500.00"),
            StaffAccounts.Role.AGENT, inMainCurrencies("25.00"),
            StaffAccounts.Role.ASSOCIATE, inMainCurrencies("10.00"));

    GoodwillLimits {
        goodwillLimit = goodwillLimit == null || goodwillLimit.isEmpty() ? DEFAULTS : Map.copyOf(goodwillLimit);
        goodwillLimit.forEach((role, limits) -> limits.forEach((currency, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(
                        "aftercart.console.goodwill-limit." + role + "." + currency + " must not be negative");
            }
        }));
    }

    /** The highest limit of these roles in this currency; empty when none of them may grant in it. */
    Optional<Money> limitFor(Collection<StaffAccounts.Role> roles, Currency currency) {
        return roles.stream()
                .map(role -> goodwillLimit.getOrDefault(role, Map.of()).get(currency))
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo)
                .map(amount -> new Money(amount, currency));
    }

    /** The currencies any of these roles may grant goodwill in, sorted by code. */
    java.util.List<Currency> currenciesFor(Collection<StaffAccounts.Role> roles) {
        return roles.stream()
                .flatMap(role -> goodwillLimit.getOrDefault(role, Map.of()).keySet().stream())
                .distinct()
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode))
                .toList();
    }

    private static Map<Currency, BigDecimal> inMainCurrencies(String amount) {
        return Map.of(
                Currency.getInstance("EUR"), new BigDecimal(amount),
                Currency.getInstance("GBP"), new BigDecimal(amount),
                Currency.getInstance("USD"), new BigDecimal(amount));
    }
}
