package org.aftercart.orders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the order API accepts; each maps to a command of the orders module. */
final class OrderRequests {

    private OrderRequests() {}

    record CreateOrder(
            @NotNull SalesChannel channel,
            @Nullable @Size(max = 100) String externalRef,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Nullable @Valid Customer customer,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
            @Nullable @Valid Address shipTo,
            @Nullable PaymentStatus paymentStatus,
            @Nullable @PositiveOrZero BigDecimal shipping,
            @Nullable @PositiveOrZero BigDecimal tax,
            @Nullable @PositiveOrZero BigDecimal discount,
            @Nullable Instant placedAt) {

        PlaceOrder toCommand() {
            return new PlaceOrder(
                    channel,
                    externalRef,
                    customer == null ? null : customer.toContactDetails(),
                    currency,
                    lines.stream().map(Line::toCommand).toList(),
                    shipTo == null ? null : shipTo.toAddress(),
                    paymentStatus == null ? PaymentStatus.PENDING : paymentStatus,
                    shipping,
                    tax,
                    discount,
                    placedAt);
        }
    }

    record Customer(
            @NotBlank @Email @Size(max = 254) String email,
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 40) String phone,
            @Nullable ContactChannel preferredChannel,
            @Nullable @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or fr-FR")
                    String language,
            @Nullable @Size(max = 60) String country) {

        ContactDetails toContactDetails() {
            return new ContactDetails(email, name, phone, preferredChannel, language, country);
        }
    }

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @Positive int quantity,
            @Nullable @PositiveOrZero BigDecimal unitPrice,
            @Nullable @Size(max = 300) String title) {

        PlaceOrder.Line toCommand() {
            return new PlaceOrder.Line(sku, quantity, unitPrice, title);
        }
    }

    record Address(
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 200) String line1,
            @Nullable @Size(max = 200) String line2,
            @Nullable @Size(max = 100) String city,
            @Nullable @Size(max = 20) String postcode,
            @Nullable @Size(max = 100) String region,
            @Nullable @Size(max = 60) String country) {

        ShippingAddress toAddress() {
            return new ShippingAddress(name, line1, line2, city, postcode, region, country);
        }
    }

    /** One change; {@code type} says which of the other fields it needs. */
    record Change(
            @NotNull ChangeType type,
            @Nullable UUID lineId,
            @Nullable @Size(max = 64) String sku,
            @Nullable Integer quantity,
            @Nullable @Valid Address address,
            @Nullable Long expectedVersion,
            @Nullable @Size(max = 100) String requestedBy) {

        OrderChange toChange() {
            return switch (type) {
                case CHANGE_SHIPPING_ADDRESS ->
                    new OrderChange.ChangeShippingAddress(
                            required(address, "address").toAddress());
                case CHANGE_VARIANT -> new OrderChange.ChangeVariant(required(lineId, "lineId"), required(sku, "sku"));
                case CHANGE_QUANTITY ->
                    new OrderChange.ChangeQuantity(required(lineId, "lineId"), required(quantity, "quantity"));
                case ADD_ITEM -> new OrderChange.AddItem(required(sku, "sku"), required(quantity, "quantity"));
                case REMOVE_ITEM -> new OrderChange.RemoveItem(required(lineId, "lineId"));
            };
        }

        private <T> T required(@Nullable T value, String field) {
            if (value == null) {
                throw new MissingChangeField(type, field);
            }
            return value;
        }
    }

    enum ChangeType {
        CHANGE_SHIPPING_ADDRESS,
        CHANGE_VARIANT,
        CHANGE_QUANTITY,
        ADD_ITEM,
        REMOVE_ITEM
    }

    record Cancel(@NotBlank @Size(max = 300) String reason, @Nullable @Size(max = 100) String requestedBy) {}
}
