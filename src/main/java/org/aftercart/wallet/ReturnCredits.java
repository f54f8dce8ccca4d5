package org.aftercart.wallet;

import org.aftercart.customers.CustomerId;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Books the store credit of resolved returns. The event publication registry hands each {@link
 * ReturnResolved} over until this listener succeeds, and the return's own idempotency key makes a
 * second hand-over book nothing. Credit goes to the customer's store credit; a gift return's credit,
 * and a guest's (who has no account to hold credit), becomes a gift card e-mailed to the recipient
 * or the guest.
 */
@Component
class ReturnCredits {

    private final Wallet wallet;

    ReturnCredits(Wallet wallet) {
        this.wallet = wallet;
    }

    @ApplicationModuleListener
    void on(ReturnResolved resolved) {
        Money credit = resolved.storeCredit().plus(resolved.bonus());
        if (!credit.isPositive()) {
            return;
        }
        String key = resolved.creditIdempotencyKey();
        if (resolved.giftRecipientEmail() != null) {
            wallet.issueGiftCard(credit, resolved.giftRecipientEmail(), "Gift return " + resolved.returnNumber(), key);
        } else if (resolved.customerId() != null) {
            wallet.grantStoreCredit(
                    new CustomerId(resolved.customerId()),
                    resolved.storeCredit(),
                    resolved.bonus(),
                    "Return " + resolved.returnNumber(),
                    key);
        } else if (resolved.customerEmail() != null) {
            wallet.issueGiftCard(
                    credit, resolved.customerEmail(), "Store credit for return " + resolved.returnNumber(), key);
        } else {
            throw new IllegalStateException("Return " + resolved.returnNumber()
                    + " is resolved with store credit but has neither a customer nor an e-mail to send it to");
        }
    }
}
