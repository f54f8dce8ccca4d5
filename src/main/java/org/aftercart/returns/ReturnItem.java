package org.aftercart.returns;

import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** One line of a return: units of one order line, why, and what the customer gets for them. */
final class ReturnItem {

    final UUID id;
    final int lineNo;
    final UUID orderLineId;
    final String sku;
    final String title;
    final int quantity;
    final String reasonCode;
    final @Nullable String comment;
    final ReturnOutcome requestedOutcome;
    ReturnOutcome outcome;

    @Nullable
    String outcomeNote;

    final @Nullable String exchangeSku;
    final Money unitRefund;

    @Nullable
    Integer receivedQuantity;

    @Nullable
    ItemCondition condition;

    @Nullable
    Boolean resellable;

    @Nullable
    String restockLocation;

    ReturnItem(
            UUID id,
            int lineNo,
            UUID orderLineId,
            String sku,
            String title,
            int quantity,
            String reasonCode,
            @Nullable String comment,
            ReturnOutcome requestedOutcome,
            ReturnOutcome outcome,
            @Nullable String outcomeNote,
            @Nullable String exchangeSku,
            Money unitRefund,
            @Nullable Integer receivedQuantity,
            @Nullable ItemCondition condition,
            @Nullable Boolean resellable,
            @Nullable String restockLocation) {
        this.id = id;
        this.lineNo = lineNo;
        this.orderLineId = orderLineId;
        this.sku = sku;
        this.title = title;
        this.quantity = quantity;
        this.reasonCode = reasonCode;
        this.comment = comment;
        this.requestedOutcome = requestedOutcome;
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.exchangeSku = exchangeSku;
        this.unitRefund = unitRefund;
        this.receivedQuantity = receivedQuantity;
        this.condition = condition;
        this.resellable = resellable;
        this.restockLocation = restockLocation;
    }

    /** What the units asked back are worth. */
    Money value() {
        return unitRefund.times(quantity);
    }

    /** Units the outcome applies to: those that arrived, or all of them when the customer keeps them. */
    int settledQuantity(boolean returnless) {
        return returnless ? quantity : receivedQuantity == null ? 0 : receivedQuantity;
    }

    boolean exchanges() {
        return outcome == ReturnOutcome.EXCHANGE || outcome == ReturnOutcome.INSTANT_EXCHANGE;
    }

    /** The exchange cannot happen: the customer gets the fallback outcome, and is told why. */
    void fallBackTo(ReturnOutcome fallback, String why) {
        outcome = fallback;
        outcomeNote = why;
    }

    void receive(ReceivedItem received) {
        receivedQuantity = received.quantity();
        condition = received.condition();
        resellable = received.resellable();
        restockLocation = received.resellable() ? received.restockLocation() : null;
    }

    ReturnView.Item view(int lineNo) {
        return new ReturnView.Item(
                id,
                lineNo,
                orderLineId,
                sku,
                title,
                quantity,
                reasonCode,
                comment,
                requestedOutcome,
                outcome,
                outcomeNote,
                exchangeSku,
                unitRefund,
                receivedQuantity,
                condition,
                resellable,
                restockLocation);
    }
}
