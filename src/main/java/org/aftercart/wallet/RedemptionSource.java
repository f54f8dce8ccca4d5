package org.aftercart.wallet;

import java.util.Objects;
import org.aftercart.customers.CustomerId;

/** Where a checkout takes wallet money from: a customer's store credit or a gift card. */
public sealed interface RedemptionSource {

    /** The customer's store credit in the currency of the amount asked for. */
    record StoreCredit(CustomerId customer) implements RedemptionSource {
        public StoreCredit {
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** A gift card by its code, as the customer typed it (case, spaces and dashes do not count). */
    record GiftCard(String code) implements RedemptionSource {
        public GiftCard {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            return "GiftCard[code=…" + GiftCardCodes.lastFour(code) + "]";
        }
    }
}
