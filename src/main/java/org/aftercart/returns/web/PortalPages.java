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
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.returns.Eligibility;
import org.aftercart.returns.Refusal;
import org.aftercart.returns.ReturnLabels;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnReason;
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

    /** The outcomes a customer may choose in the portal; an instant exchange needs a payment hold, asked elsewhere. */
    static final Set<ReturnOutcome> PORTAL_OUTCOMES =
            EnumSet.of(ReturnOutcome.REFUND, ReturnOutcome.STORE_CREDIT, ReturnOutcome.EXCHANGE);

    private final Returns returns;
    private final Inventory inventory;
    private final DropOffCodes codes;
    private final MessageSource messages;
    private final ReturnLabels labels;

    private final ZoneId zone;

    PortalPages(
            Returns returns,
            ReturnLabels labels,
            Inventory inventory,
            DropOffCodes codes,
            MessageSource messages,
            PortalSettings settings) {
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
            ReturnForm.LineChoice choice) {

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

    record Item(String title, int quantity, String reason, String outcome, String amount, @Nullable String note) {}

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
            boolean cancellable,
            boolean finished) {}

    OrderPage order(Eligibility eligibility, ReturnForm form, Locale locale) {
        String currency = eligibility.lines().isEmpty()
                ? "EUR"
                : eligibility.lines().getFirst().refundPerUnit().currency().getCurrencyCode();
        List<Line> lines = new ArrayList<>();
        for (Eligibility.Line line : eligibility.lines()) {
            lines.add(new Line(
                    lines.size(),
                    line.orderLineId().toString(),
                    line.title(),
                    line.sku(),
                    line.returnableQuantity(),
                    format(line.refundPerUnit(), locale),
                    line.refundPerUnit().amount(),
                    line.refusals().stream()
                            .map(refusal -> words(refusal, locale))
                            .toList(),
                    PORTAL_OUTCOMES.stream()
                            .filter(line.allowedOutcomes()::contains)
                            .map(outcome -> new Option(outcome.name(), outcome(outcome, locale)))
                            .toList(),
                    form.choiceFor(line.orderLineId())));
        }
        List<ReturnReason> all = returns.reasons();
        return new OrderPage(
                eligibility.orderNumber(),
                currency,
                lines,
                reasonGroups(all, locale),
                all.stream()
                        .filter(ReturnReason::requiresPhoto)
                        .map(reason -> text(reason.messageKey(), locale))
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
                                text("returns.reason." + item.reasonCode(), locale),
                                outcome(item.outcome(), locale),
                                format(item.unitRefund().times(item.quantity()), locale),
                                item.outcomeNote()))
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
                request.status() == ReturnStatus.REQUESTED || request.status() == ReturnStatus.APPROVED,
                request.status().isFinal());
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
                    .map(child -> new Option(child.code(), text(child.messageKey(), locale)))
                    .toList();
            if (children.isEmpty()) {
                loose.add(new Option(parent.code(), text(parent.messageKey(), locale)));
            } else {
                groups.add(new ReasonGroup(text(parent.messageKey(), locale), children));
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
