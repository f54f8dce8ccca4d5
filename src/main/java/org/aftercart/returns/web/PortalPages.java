package org.aftercart.returns.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.returns.Eligibility;
import org.aftercart.returns.Refusal;
import org.aftercart.returns.ReturnLabels;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnReason;
import org.aftercart.returns.ReturnReasonLabels;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.returns.labels.DropOffCodes;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns what the returns module knows into what the portal's pages show, in the customer's words. */
@Component
class PortalPages {

    /** The outcomes a customer may choose in the portal (an instant exchange only on a paid order). */
    static final Set<ReturnOutcome> PORTAL_OUTCOMES = EnumSet.of(
            ReturnOutcome.REFUND, ReturnOutcome.STORE_CREDIT, ReturnOutcome.EXCHANGE, ReturnOutcome.INSTANT_EXCHANGE);

    /** Payments an instant exchange's hold can be placed on: money was taken and not all given back. */
    private static final Set<PaymentStatus> HOLDABLE = EnumSet.of(PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED);

    private final Returns returns;
    private final Inventory inventory;
    private final DropOffCodes codes;
    private final MessageSource messages;
    private final ReturnLabels labels;
    private final Catalog catalog;
    private final OrderManagement orders;
    private final ReturnReasonLabels reasonLabels;

    private final ZoneId zone;

    PortalPages(
            Returns returns,
            ReturnLabels labels,
            Inventory inventory,
            DropOffCodes codes,
            MessageSource messages,
            Catalog catalog,
            OrderManagement orders,
            ReturnReasonLabels reasonLabels,
            PortalSettings settings) {
        this.catalog = catalog;
        this.reasonLabels = reasonLabels;
        this.orders = orders;
        this.zone = settings.timeZone();
        this.returns = returns;
        this.labels = labels;
        this.inventory = inventory;
        this.codes = codes;
        this.messages = messages;
    }

    record Option(String value, String label) {}

    record ReasonGroup(@Nullable String label, List<Option> reasons) {}

    record Line(
            int index,
            String orderLineId,
            String title,
            String sku,
            int returnable,
            String unitAmount,
            BigDecimal unitValue,
            List<String> refusals,
            List<Option> outcomes,
            String instantExchangeHelp,
            List<Option> exchangeVariants,
            String exchangeSku,
            ReturnForm.LineChoice choice) {

        /** The "Exchange for" choice is shown under the outcomes when an exchange is one of them. */
        public boolean exchangeOffered() {
            return outcomes.stream()
                    .anyMatch(outcome -> outcome.value().equals(ReturnOutcome.EXCHANGE.name())
                            || outcome.value().equals(ReturnOutcome.INSTANT_EXCHANGE.name()));
        }

        public boolean canReturn() {
            return refusals.isEmpty() && returnable > 0;
        }
    }

    record Summary(String number, String status, String href) {}

    record OrderPage(
            String orderNumber,
            String currency,
            List<Line> lines,
            List<ReasonGroup> reasons,
            List<String> reasonsNeedingPhoto,
            List<Option> stores,
            BigDecimal bonusPercent,
            String estimate,
            List<Summary> earlier,
            boolean anythingReturnable) {}

    record Item(
            String title,
            int quantity,
            String reason,
            String outcome,
            String amount,
            @Nullable String note,
            @Nullable String exchangeFor) {}

    record Step(String status, String at, String iso) {}

    record ReturnPage(
            String id,
            String number,
            String orderId,
            String orderNumber,
            String status,
            String statusCode,
            String method,
            ReturnMethod methodCode,
            @Nullable String store,
            List<Item> items,
            String value,
            List<Step> steps,
            boolean label,
            boolean prepaidLabel,
            @Nullable String dropOffCode,
            @Nullable String exchangeOrderNumber,
            boolean cancellable,
            boolean finished) {}

    OrderPage order(Eligibility eligibility, ReturnForm form, Locale locale) {
        String currency = eligibility.lines().isEmpty()
                ? "EUR"
                : eligibility.lines().getFirst().refundPerUnit().currency().getCurrencyCode();
        boolean paid = paid(eligibility.orderId());
        List<Line> lines = new ArrayList<>();
        for (Eligibility.Line line : eligibility.lines()) {
            ReturnForm.LineChoice choice = form.choiceFor(line.orderLineId());
            String unitAmount = format(line.refundPerUnit(), locale);
            lines.add(new Line(
                    lines.size(),
                    line.orderLineId().toString(),
                    line.title(),
                    line.sku(),
                    line.returnableQuantity(),
                    unitAmount,
                    line.refundPerUnit().amount(),
                    line.refusals().stream()
                            .map(refusal -> words(refusal, locale))
                            .toList(),
                    outcomesFor(line, paid).stream()
                            .map(outcome -> new Option(outcome.name(), outcome(outcome, locale)))
                            .toList(),
                    text("returns.portal.exchange.instant-help", locale, unitAmount),
                    exchangeVariants(line).stream()
                            .map(variant -> new Option(variant.sku(), variantLabel(variant, line, locale)))
                            .toList(),
                    choice.getExchangeSku() == null || choice.getExchangeSku().isBlank()
                            ? line.sku()
                            : choice.getExchangeSku(),
                    choice));
        }
        List<ReturnReason> all = returns.reasons();
        return new OrderPage(
                eligibility.orderNumber(),
                currency,
                lines,
                reasonGroups(all, locale),
                all.stream()
                        .filter(ReturnReason::requiresPhoto)
                        .map(reason -> reasonLabels.label(reason, locale))
                        .toList(),
                inventory.locations().stream()
                        .filter(location -> location.kind() == Location.Kind.STORE)
                        .map(location -> new Option(location.code(), location.name()))
                        .toList(),
                returns.storeCreditBonusPercent(),
                estimate(eligibility, form, locale),
                returns.ofOrder(eligibility.orderId()).stream()
                        .map(request -> new Summary(
                                request.number(),
                                status(request.status(), locale),
                                "/returns/" + request.id().id()))
                        .toList(),
                eligibility.anythingReturnable());
    }

    /** The outcomes the portal offers for a line: those the policy allows, an instant exchange only on a paid order. */
    List<ReturnOutcome> outcomesFor(Eligibility.Line line, boolean paid) {
        return PORTAL_OUTCOMES.stream()
                .filter(line.allowedOutcomes()::contains)
                .filter(outcome -> outcome != ReturnOutcome.INSTANT_EXCHANGE || paid)
                .toList();
    }

    /** Whether the order's payment can carry an instant exchange's hold. */
    boolean paid(OrderId order) {
        return orders.find(order)
                .map(found -> HOLDABLE.contains(found.paymentStatus()))
                .orElse(false);
    }

    /**
     * What a line may be exchanged for besides the same SKU again: the variants of its product
     * (another size or colour) in the order's currency.
     */
    List<ProductVariant> exchangeVariants(Eligibility.Line line) {
        return catalog.variantsOfSameProduct(line.sku()).stream()
                .filter(variant ->
                        variant.price().currency().equals(line.refundPerUnit().currency()))
                .toList();
    }

    /** A variant as the customer chooses it: marked when it is the same, priced when it costs more. */
    private String variantLabel(ProductVariant variant, Eligibility.Line line, Locale locale) {
        String label = variant.optionValues().isBlank() ? variant.displayTitle() : variant.optionValues();
        if (variant.sku().equals(line.sku())) {
            return text("returns.portal.exchange.same", locale, label);
        }
        // The replacement is priced from the catalog, less what was paid for the item given back.
        Money more = variant.price().minus(line.refundPerUnit());
        return more.isPositive()
                ? text("returns.portal.exchange.costs-more", locale, label, format(more, locale))
                : label;
    }

    /** What the chosen items bring back: their value, plus the bonus on items taken as store credit. */
    String estimate(Eligibility eligibility, ReturnForm form, Locale locale) {
        BigDecimal total = BigDecimal.ZERO;
        String currency = "EUR";
        for (Eligibility.Line line : eligibility.lines()) {
            currency = line.refundPerUnit().currency().getCurrencyCode();
            ReturnForm.LineChoice choice = form.choiceFor(line.orderLineId());
            int quantity = Math.clamp(choice.getQuantity(), 0, line.returnableQuantity());
            BigDecimal value = line.refundPerUnit().amount().multiply(BigDecimal.valueOf(quantity));
            if (choice.getOutcome() == ReturnOutcome.STORE_CREDIT) {
                value = value.add(value.multiply(returns.storeCreditBonusPercent())
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
            }
            total = total.add(value);
        }
        return format(Money.of(total.toPlainString(), currency), locale);
    }

    ReturnPage page(ReturnView request, Locale locale) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
        Map<String, String> storeNames = new LinkedHashMap<>();
        inventory.locations().forEach(location -> storeNames.put(location.code(), location.name()));
        Map<String, ProductVariant> wanted = catalog.findBySkus(request.items().stream()
                .map(ReturnView.Item::exchangeSku)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        boolean dropOff = (request.method() == ReturnMethod.DROP_OFF || request.method() == ReturnMethod.IN_STORE)
                && (request.status() == ReturnStatus.APPROVED || request.status() == ReturnStatus.REQUESTED);
        return new ReturnPage(
                request.id().id().toString(),
                request.number(),
                request.orderId().id().toString(),
                request.orderNumber(),
                status(request.status(), locale),
                request.status().name(),
                text("returns.portal.method." + request.method().name(), locale),
                request.method(),
                request.locationCode() == null
                        ? null
                        : storeNames.getOrDefault(request.locationCode(), request.locationCode()),
                request.items().stream()
                        .map(item -> new Item(
                                item.title(),
                                item.quantity(),
                                reasonLabels.label(item.reasonCode(), locale),
                                outcome(item.outcome(), locale),
                                format(item.unitRefund().times(item.quantity()), locale),
                                item.outcomeNote(),
                                exchangeFor(item, wanted, locale)))
                        .toList(),
                format(request.value(), locale),
                request.steps().stream()
                        .filter(step -> step.from() != step.to())
                        .map(step -> new Step(
                                status(step.to(), locale),
                                when.format(step.at()),
                                step.at().toString()))
                        .toList(),
                ReturnLabels.needsLabel(request),
                labels.prepaid(),
                dropOff ? codes.svg(request.number(), locale) : null,
                request.exchangeOrderNumber(),
                // Once an instant exchange's replacement is out the return cannot be withdrawn (the hold decides).
                (request.status() == ReturnStatus.REQUESTED || request.status() == ReturnStatus.APPROVED)
                        && request.exchangeOrderNumber() == null,
                request.status().isFinal());
    }

    /** "In exchange: Tee – L" for an item still exchanged; nothing once it fell back to credit or a refund. */
    private @Nullable String exchangeFor(ReturnView.Item item, Map<String, ProductVariant> wanted, Locale locale) {
        boolean exchanges =
                item.outcome() == ReturnOutcome.EXCHANGE || item.outcome() == ReturnOutcome.INSTANT_EXCHANGE;
        if (!exchanges || item.exchangeSku() == null) {
            return null;
        }
        ProductVariant variant = wanted.get(item.exchangeSku());
        return text(
                "returns.portal.exchange.item", locale, variant == null ? item.exchangeSku() : variant.displayTitle());
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private List<ReasonGroup> reasonGroups(List<ReturnReason> all, Locale locale) {
        List<ReasonGroup> groups = new ArrayList<>();
        List<Option> loose = new ArrayList<>();
        for (ReturnReason parent : all) {
            if (parent.parentCode() != null) {
                continue;
            }
            List<Option> children = all.stream()
                    .filter(child -> parent.code().equals(child.parentCode()))
                    .map(child -> new Option(child.code(), reasonLabels.label(child, locale)))
                    .toList();
            if (children.isEmpty()) {
                loose.add(new Option(parent.code(), reasonLabels.label(parent, locale)));
            } else {
                groups.add(new ReasonGroup(reasonLabels.label(parent, locale), children));
            }
        }
        if (!loose.isEmpty()) {
            groups.add(new ReasonGroup(text("returns.portal.reason.other-reasons", locale), loose));
        }
        return groups;
    }

    private String words(Refusal refusal, Locale locale) {
        return messages.getMessage(refusal.messageKey(), refusal.arguments().toArray(), refusal.message(), locale);
    }

    private String status(ReturnStatus status, Locale locale) {
        return text("returns.portal.status." + status.name(), locale);
    }

    private String outcome(ReturnOutcome outcome, Locale locale) {
        return text("returns.portal.outcome." + outcome.name(), locale);
    }

    static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }
}
