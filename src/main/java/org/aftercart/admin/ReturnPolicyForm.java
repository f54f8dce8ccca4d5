package org.aftercart.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftercart.returns.InvalidReturnPolicy;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnPolicyRules;
import org.jspecify.annotations.Nullable;

/**
 * The return policy form as posted: text, as typed, so that a mistake comes back to the admin as
 * it was written. Reading it gives the rules ({@link ReturnPolicyRules} checks them) or, for each
 * field that cannot be read or breaks a rule, the message key of its error.
 */
public class ReturnPolicyForm {

    /** Field error keys are {@code return-policy.error.<input id>}. */
    static final String ERROR_PREFIX = "return-policy.error.";

    /** One row of the per-category windows; a row left blank or ticked for removal is dropped. */
    public static class CategoryRow {
        private String category = "";
        private String days = "";
        private boolean remove;

        public String getCategory() {
            return category;
        }

        public void setCategory(@Nullable String category) {
            this.category = category == null ? "" : category;
        }

        public String getDays() {
            return days;
        }

        public void setDays(@Nullable String days) {
            this.days = days == null ? "" : days;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }

        boolean blank() {
            return category.isBlank() && days.isBlank();
        }
    }

    /** What reading the form gave: the rules, or the errors by input id (message keys). */
    record Reading(@Nullable ReturnPolicyRules rules, Map<String, String> errors) {}

    private String windowDays = "";
    private List<CategoryRow> categories = new ArrayList<>();
    private String finalSaleSkus = "";
    private String finalSaleCategories = "";
    private String allowedCountries = "";
    private boolean autoApprove;
    private String autoApproveUpTo = "";
    private String storeCreditBonusPercent = "";
    private boolean instantExchange;
    private String returnShippingCost = "";
    private String exchangeOutOfStock = ReturnOutcome.STORE_CREDIT.name();

    static ReturnPolicyForm of(ReturnPolicyRules rules) {
        ReturnPolicyForm form = new ReturnPolicyForm();
        form.windowDays = String.valueOf(rules.window().toDays());
        rules.categoryWindows().forEach((category, window) -> {
            CategoryRow row = new CategoryRow();
            row.category = category;
            row.days = String.valueOf(window.toDays());
            form.categories.add(row);
        });
        form.finalSaleSkus = String.join("\n", rules.finalSaleSkus());
        form.finalSaleCategories = String.join("\n", rules.finalSaleCategories());
        form.allowedCountries = String.join(", ", rules.allowedCountries());
        form.autoApprove = rules.autoApprove();
        form.autoApproveUpTo = plain(rules.autoApproveUpTo());
        form.storeCreditBonusPercent = plain(rules.storeCreditBonusPercent());
        form.instantExchange = rules.instantExchange();
        form.returnShippingCost = plain(rules.returnShippingCost());
        form.exchangeOutOfStock = rules.exchangeOutOfStock().name();
        return form;
    }

    /** The rows to show: those kept, and one blank row to add a category. */
    public List<CategoryRow> rowsToShow() {
        List<CategoryRow> rows = new ArrayList<>(
                categories.stream().filter(row -> !row.remove && !row.blank()).toList());
        rows.add(new CategoryRow());
        return rows;
    }

    Reading read() {
        Map<String, String> errors = new LinkedHashMap<>();
        Duration window = days(windowDays, "windowDays", errors);
        Map<String, Duration> windows = new LinkedHashMap<>();
        for (CategoryRow row : categories) {
            if (row.remove || row.blank()) {
                continue;
            }
            Duration days = days(row.days, "categories", errors);
            String category = row.category.strip();
            if (category.isEmpty() || windows.containsKey(category)) {
                errors.putIfAbsent("categories", ERROR_PREFIX + "categories");
            } else if (days != null) {
                windows.put(category, days);
            }
        }
        BigDecimal upTo = amount(autoApproveUpTo, "autoApproveUpTo", errors);
        BigDecimal bonus = storeCreditBonusPercent.isBlank()
                ? BigDecimal.ZERO
                : amount(storeCreditBonusPercent, "storeCreditBonusPercent", errors);
        BigDecimal shipping = amount(returnShippingCost, "returnShippingCost", errors);
        ReturnOutcome fallback =
                switch (exchangeOutOfStock) {
                    case "STORE_CREDIT" -> ReturnOutcome.STORE_CREDIT;
                    case "REFUND" -> ReturnOutcome.REFUND;
                    default -> {
                        errors.put("exchangeOutOfStock", ERROR_PREFIX + "exchangeOutOfStock");
                        yield ReturnOutcome.STORE_CREDIT;
                    }
                };
        try {
            ReturnPolicyRules rules = new ReturnPolicyRules(
                    window == null ? Duration.ZERO : window,
                    windows,
                    list(finalSaleSkus),
                    list(finalSaleCategories),
                    list(allowedCountries),
                    autoApprove,
                    upTo,
                    bonus == null ? BigDecimal.ZERO : bonus,
                    instantExchange,
                    shipping,
                    fallback);
            return errors.isEmpty() ? new Reading(rules, Map.of()) : new Reading(null, errors);
        } catch (InvalidReturnPolicy invalid) {
            for (ReturnPolicyRules.Violation violation : invalid.violations()) {
                String input = inputOf(violation.field());
                errors.putIfAbsent(input, ERROR_PREFIX + input);
            }
            return new Reading(null, errors);
        }
    }

    /** The input that holds a component of the rules. */
    static String inputOf(String component) {
        return switch (component) {
            case "window" -> "windowDays";
            case "categoryWindows" -> "categories";
            default -> component;
        };
    }

    private static @Nullable Duration days(String text, String input, Map<String, String> errors) {
        try {
            return Duration.ofDays(Long.parseLong(text.strip()));
        } catch (NumberFormatException | ArithmeticException unreadable) {
            errors.putIfAbsent(input, ERROR_PREFIX + input);
            return null;
        }
    }

    /** A decimal amount, a comma accepted as the decimal mark; blank for none. */
    private static @Nullable BigDecimal amount(String text, String input, Map<String, String> errors) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(trimmed.contains(".") ? trimmed : trimmed.replace(',', '.'));
        } catch (NumberFormatException unreadable) {
            errors.putIfAbsent(input, ERROR_PREFIX + input);
            return null;
        }
    }

    /** Values one per line or separated by commas or semicolons. */
    private static Set<String> list(String text) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(text.split("[,;\\r\\n]+"))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .forEach(values::add);
        return values;
    }

    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    public String getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(@Nullable String windowDays) {
        this.windowDays = windowDays == null ? "" : windowDays;
    }

    public List<CategoryRow> getCategories() {
        return categories;
    }

    public void setCategories(List<CategoryRow> categories) {
        this.categories = categories;
    }

    public String getFinalSaleSkus() {
        return finalSaleSkus;
    }

    public void setFinalSaleSkus(@Nullable String finalSaleSkus) {
        this.finalSaleSkus = finalSaleSkus == null ? "" : finalSaleSkus;
    }

    public String getFinalSaleCategories() {
        return finalSaleCategories;
    }

    public void setFinalSaleCategories(@Nullable String finalSaleCategories) {
        this.finalSaleCategories = finalSaleCategories == null ? "" : finalSaleCategories;
    }

    public String getAllowedCountries() {
        return allowedCountries;
    }

    public void setAllowedCountries(@Nullable String allowedCountries) {
        this.allowedCountries = allowedCountries == null ? "" : allowedCountries;
    }

    public boolean isAutoApprove() {
        return autoApprove;
    }

    public void setAutoApprove(boolean autoApprove) {
        this.autoApprove = autoApprove;
    }

    public String getAutoApproveUpTo() {
        return autoApproveUpTo;
    }

    public void setAutoApproveUpTo(@Nullable String autoApproveUpTo) {
        this.autoApproveUpTo = autoApproveUpTo == null ? "" : autoApproveUpTo;
    }

    public String getStoreCreditBonusPercent() {
        return storeCreditBonusPercent;
    }

    public void setStoreCreditBonusPercent(@Nullable String storeCreditBonusPercent) {
        this.storeCreditBonusPercent = storeCreditBonusPercent == null ? "" : storeCreditBonusPercent;
    }

    public boolean isInstantExchange() {
        return instantExchange;
    }

    public void setInstantExchange(boolean instantExchange) {
        this.instantExchange = instantExchange;
    }

    public String getReturnShippingCost() {
        return returnShippingCost;
    }

    public void setReturnShippingCost(@Nullable String returnShippingCost) {
        this.returnShippingCost = returnShippingCost == null ? "" : returnShippingCost;
    }

    public String getExchangeOutOfStock() {
        return exchangeOutOfStock;
    }

    public void setExchangeOutOfStock(@Nullable String exchangeOutOfStock) {
        this.exchangeOutOfStock = exchangeOutOfStock == null ? "" : exchangeOutOfStock;
    }
}
