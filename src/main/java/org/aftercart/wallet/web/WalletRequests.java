package org.aftercart.wallet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;
import org.aftercart.wallet.InvalidWalletAmount;
import org.aftercart.wallet.InvalidWalletRequest;
import org.aftercart.wallet.RedemptionSource;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the wallet API accepts. */
final class WalletRequests {

    private static final String CURRENCY = "[A-Z]{3}";
    private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private WalletRequests() {}

    record GrantCredit(
            @Schema(example = "15.00") @NotNull BigDecimal amount,
            @Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @Schema(description = "Extra credit on top, booked apart as bonus", example = "0") @Nullable
                    BigDecimal bonus,
            @Schema(example = "Goodwill: parcel arrived late") @NotBlank @Size(max = 500) String reason) {

        Money money() {
            return toMoney(amount, currency);
        }

        Money bonusMoney() {
            return toMoney(bonus == null ? BigDecimal.ZERO : bonus, currency);
        }
    }

    record IssueGiftCard(
            @Schema(example = "50.00") @NotNull BigDecimal amount,
            @Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @Schema(description = "Who receives the code by e-mail; without it only this answer has the code")
                    @Nullable
                    @Email
                    @Size(max = 254)
                    String recipientEmail,
            @Schema(example = "Sold in store") @NotBlank @Size(max = 500) String reason) {

        Money money() {
            return toMoney(amount, currency);
        }
    }

    @Schema(description = "Exactly one of customerId (store credit) and giftCardCode")
    record Authorise(
            @Nullable UUID customerId,
            @Nullable @Size(max = 64) String giftCardCode,
            @Schema(example = "12.50") @NotNull BigDecimal amount,
            @Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {

        RedemptionSource source() {
            if ((customerId == null) == (giftCardCode == null)) {
                throw new InvalidWalletRequest("Name exactly one source: customerId or giftCardCode.");
            }
            return customerId != null
                    ? new RedemptionSource.StoreCredit(new CustomerId(customerId))
                    : new RedemptionSource.GiftCard(giftCardCode);
        }

        Money money() {
            return toMoney(amount, currency);
        }
    }

    record Capture(
            @Schema(example = "12.50") @NotNull BigDecimal amount,
            @Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {

        Money money() {
            return toMoney(amount, currency);
        }
    }

    /** Amounts finer than the currency's minor unit, or in an unknown currency, are refused as they are. */
    static Money toMoney(BigDecimal amount, String currency) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidWalletAmount(e.getMessage() + ".");
        }
    }
}
