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
 * The most store credit one member of staff may grant as goodwill, per role and currency: in one go
 * ({@code aftercart.console.goodwill-limit.<role>.<currency>}, e.g. {@code agent.EUR: 25.00}) and in
 * all their grants of one day in the shop's time zone ({@code
 * aftercart.console.goodwill-daily-limit.<role>.<currency>}). A currency without a per-grant limit
 * for the role allows no goodwill in it; one without a daily limit allows {@value
 * #DAILY_GRANTS_BY_DEFAULT} grants' worth a day. With several roles the highest limit applies.
 * Without configuration: admin 500, agent 25, associate 10 per grant in EUR, GBP and USD.
 */
@ConfigurationProperties("aftercart.console")
record GoodwillLimits(
        @Nullable Map<StaffAccounts.Role, Map<Currency, BigDecimal>> goodwillLimit,
        @Nullable Map<StaffAccounts.Role, Map<Currency, BigDecimal>> goodwillDailyLimit) {

    /** A day's goodwill where no daily limit is set: this many grants at the per-grant limit. */
    static final int DAILY_GRANTS_BY_DEFAULT = 4;

    private static final Map<StaffAccounts.Role, Map<Currency, BigDecimal>> DEFAULTS = Map.of(
            StaffAccounts.Role.ADMIN, inMainCurrencies("500.00"),
            StaffAccounts.Role.AGENT, inMainCurrencies("25.00"),
            StaffAccounts.Role.ASSOCIATE, inMainCurrencies("10.00"));

    GoodwillLimits {
        goodwillLimit = goodwillLimit == null || goodwillLimit.isEmpty() ? DEFAULTS : Map.copyOf(goodwillLimit);
        goodwillDailyLimit = goodwillDailyLimit == null ? Map.of() : Map.copyOf(goodwillDailyLimit);
        requireNotNegative("goodwill-limit", goodwillLimit);
        requireNotNegative("goodwill-daily-limit", goodwillDailyLimit);
    }

    private static void requireNotNegative(String name, Map<StaffAccounts.Role, Map<Currency, BigDecimal>> limits) {
        limits.forEach((role, amounts) -> amounts.forEach((currency, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(
                        "aftercart.console." + name + "." + role + "." + currency + " must not be negative");
            }
        }));
    }

    /**
     * The most these roles may grant in this currency in one day, all grants together: the highest
     * of the roles' daily limits, a role without one counting {@value #DAILY_GRANTS_BY_DEFAULT} times
     * its per-grant limit; empty when none of them may grant in it.
     */
    Optional<Money> dailyLimitFor(Collection<StaffAccounts.Role> roles, Currency currency) {
        return roles.stream()
                .map(role -> {
                    BigDecimal perGrant =
                            goodwillLimit.getOrDefault(role, Map.of()).get(currency);
                    if (perGrant == null) {
                        return null;
                    }
                    BigDecimal perDay =
                            goodwillDailyLimit.getOrDefault(role, Map.of()).get(currency);
                    return perDay != null ? perDay : perGrant.multiply(BigDecimal.valueOf(DAILY_GRANTS_BY_DEFAULT));
                })
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo)
                .map(amount -> new Money(amount, currency));
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
