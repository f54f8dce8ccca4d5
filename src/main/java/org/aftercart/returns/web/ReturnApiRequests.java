package org.aftercart.returns.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.returns.ExchangeDelivery;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the returns API accepts; each maps to a command of the returns module. */
final class ReturnApiRequests {

    private ReturnApiRequests() {}

    record CreateReturn(
            @NotNull UUID orderId,
            @Nullable ReturnChannel channel,
            @NotNull ReturnMethod method,
            @Nullable @Size(max = 50) String locationCode,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items,
            @Nullable Boolean gift,
            @Nullable @Email @Size(max = 254) String giftRecipientEmail,
            @Nullable @Size(max = 100) String requestedBy,
            @Nullable ExchangeDelivery exchangeDelivery) {

        RequestReturn toCommand(String actor) {
            return new RequestReturn(
                    new OrderId(orderId),
                    channel == null ? ReturnChannel.API : channel,
                    method,
                    locationCode,
                    items.stream().map(Item::toCommand).toList(),
                    Boolean.TRUE.equals(gift),
                    giftRecipientEmail,
                    actor,
                    exchangeDelivery == null ? ExchangeDelivery.SHIPPED : exchangeDelivery);
        }
    }

    /**
     * @param unitRefund optional: the amount per unit the client showed; refused when it differs from
     *     the server's
     */
    record Item(
            @NotNull UUID orderLineId,
            @Positive int quantity,
            @NotBlank @Size(max = 50) String reasonCode,
            @Nullable @Size(max = 2000) String comment,
            @NotNull ReturnOutcome outcome,
            @Nullable @Size(max = 100) String exchangeSku,
            @Nullable @PositiveOrZero BigDecimal unitRefund,
            @Nullable @Size(max = 5) List<@NotNull UUID> photoIds) {

        RequestReturn.Item toCommand() {
            return new RequestReturn.Item(
                    orderLineId,
                    quantity,
                    reasonCode,
                    comment,
                    outcome,
                    exchangeSku,
                    unitRefund,
                    photoIds == null ? List.of() : photoIds);
        }
    }

    record Note(@Nullable @Size(max = 2000) String note, @Nullable @Size(max = 100) String requestedBy) {}

    record Reason(@NotBlank @Size(max = 2000) String reason, @Nullable @Size(max = 100) String requestedBy) {}

    record Parcel(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {}

    record InTransit(@Nullable @Size(max = 100) String carrier, @Nullable @Size(max = 100) String trackingNumber) {}

    /** @param resolve resolve at once (an in-store return, received and resolved at the counter) */
    record Receive(
            @NotEmpty @Size(max = 200) List<@Valid @NotNull Received> items,
            @Nullable Boolean resolve,
            @Nullable @Size(max = 100) String requestedBy) {}

    record Received(
            @NotNull UUID itemId,
            @PositiveOrZero int quantity,
            @NotNull ItemCondition condition,
            boolean resellable,
            @Nullable @Size(max = 50) String restockLocation) {

        ReceivedItem toCommand() {
            return new ReceivedItem(itemId, quantity, condition, resellable, restockLocation);
        }
    }

    record RefundedByHand(@NotBlank @Size(max = 500) String reference, @Nullable @Size(max = 100) String requestedBy) {}
}
