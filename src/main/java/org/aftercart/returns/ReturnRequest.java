package org.aftercart.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The return aggregate: a request to send back items of one order, its status and the decisions
 * taken on it. Every status change goes through {@link #moveTo}, which checks the transition table
 * of {@link ReturnStatus} and appends a step to the timeline; the row is locked while a command
 * works on it, so two people cannot both take the same step.
 */
final class ReturnRequest {

    final UUID id;
    final String number;
    final OrderId orderId;
    final String orderNumber;
    final @Nullable UUID customerId;
    final @Nullable String customerEmail;
    final Currency currency;
    final ReturnChannel channel;
    final ReturnMethod method;
    final @Nullable String locationCode;
    final boolean gift;
    final @Nullable String giftRecipientEmail;
    final ExchangeDelivery exchangeDelivery;
    ReturnStatus status;
    boolean returnless;

    @Nullable
    String carrier;

    @Nullable
    String trackingNumber;

    @Nullable
    Money refundAmount;

    @Nullable
    Money refunded;

    @Nullable
    Money storeCredit;

    @Nullable
    Money bonus;

    @Nullable
    UUID exchangeOrderId;

    @Nullable
    String exchangeOrderNumber;

    @Nullable
    String holdKey;

    @Nullable
    HoldState holdState;

    @Nullable
    Instant holdDeadline;

    @Nullable
    Instant exchangeReservedUntil;

    /**
     * The policy rules the request was decided under, kept for its later steps (keep-the-item at
     * approval, the credit bonus, exchange fallbacks) so that a policy changed since applies to new
     * requests only; {@code null} for requests made before the policy was kept with them.
     */
    @Nullable
    ReturnPolicyRules decidedUnder;

    final Instant createdAt;
    final List<ReturnItem> items;
    long version;

    /** The steps taken by this command, appended to the timeline when saved. */
    final List<ReturnView.Step> newSteps = new ArrayList<>();

    int lastStep;

    enum HoldState {
        HELD,
        RELEASED,
        CAPTURED
    }

    ReturnRequest(
            UUID id,
            String number,
            OrderId orderId,
            String orderNumber,
            @Nullable UUID customerId,
            @Nullable String customerEmail,
            Currency currency,
            ReturnChannel channel,
            ReturnMethod method,
            @Nullable String locationCode,
            boolean gift,
            @Nullable String giftRecipientEmail,
            ExchangeDelivery exchangeDelivery,
            ReturnStatus status,
            Instant createdAt,
            List<ReturnItem> items,
            long version,
            int lastStep) {
        this.id = id;
        this.number = number;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.customerEmail = customerEmail;
        this.currency = currency;
        this.channel = channel;
        this.method = method;
        this.locationCode = locationCode;
        this.gift = gift;
        this.giftRecipientEmail = giftRecipientEmail;
        this.exchangeDelivery = exchangeDelivery;
        this.status = status;
        this.createdAt = createdAt;
        this.items = List.copyOf(items);
        this.version = version;
        this.lastStep = lastStep;
    }

    ReturnId id() {
        return new ReturnId(id);
    }

    /**
     * Moves to another status when the transition table allows it; refused with the current status
     * named otherwise.
     *
     * @param step what the caller tries to do, for the refusal ("approved", "resolved", …)
     */
    void moveTo(ReturnStatus target, String step, String actor, Instant at, @Nullable String note) {
        if (!status.canMoveTo(target)) {
            throw new ReturnStepNotAllowed(number, status, step);
        }
        newSteps.add(new ReturnView.Step(++lastStep, status, target, actor, at, note));
        status = target;
    }

    /** A fact on the timeline that does not change the status (e.g. the parcel reached the merchant). */
    void note(String actor, Instant at, String note) {
        newSteps.add(new ReturnView.Step(++lastStep, status, status, actor, at, note));
    }

    void requireStatus(String step, ReturnStatus... allowed) {
        for (ReturnStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new ReturnStepNotAllowed(number, status, step);
    }

    Money value() {
        return items.stream().map(ReturnItem::value).reduce(Money.zero(currency), Money::plus);
    }

    ReturnItem item(UUID itemId) {
        return items.stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new ReturnRefused("unknown-item", "Return " + number + " has no item " + itemId));
    }

    /** The replacement is taken from the shelf of the store the return is brought to. */
    boolean exchangesFromStoreShelf() {
        return exchangeDelivery == ExchangeDelivery.FROM_STORE_SHELF;
    }

    boolean has(ReturnOutcome outcome) {
        return items.stream().anyMatch(item -> item.outcome == outcome);
    }

    ReturnView view(List<ReturnView.Step> steps) {
        List<ReturnView.Item> itemViews = new ArrayList<>();
        for (ReturnItem item : items) {
            itemViews.add(item.view(item.lineNo));
        }
        return new ReturnView(
                id(),
                number,
                orderId,
                orderNumber,
                customerId,
                customerEmail,
                channel,
                method,
                locationCode,
                gift,
                giftRecipientEmail,
                status,
                returnless,
                carrier,
                trackingNumber,
                value(),
                refundAmount,
                refunded,
                storeCredit,
                bonus,
                exchangeOrderNumber,
                exchangeDelivery,
                holdDeadline,
                createdAt,
                itemViews,
                steps,
                version);
    }
}
