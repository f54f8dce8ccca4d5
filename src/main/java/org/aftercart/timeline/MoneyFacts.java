package org.aftercart.timeline;

import java.time.Clock;
import org.aftercart.payments.RefundIssued;
import org.aftercart.wallet.StoreCreditGranted;
import org.aftercart.wallet.WalletRedeemed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Money to and from the customer: store credit granted and redeemed, refunds to the original
 * payment. These events carry no time: the entry takes the time it is recorded, moments after the
 * movement committed.
 */
@Component
class MoneyFacts {

    private final TimelineRecorder recorder;
    private final Clock clock;

    MoneyFacts(TimelineRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StoreCreditGranted granted) {
        recorder.record(
                "wallet:" + granted.transactionId(),
                granted.customer().id(),
                null,
                "credit.granted",
                "Store credit granted: " + granted.amount()
                        + (granted.bonus().isPositive() ? " + bonus " + granted.bonus() : "") + " (" + granted.reason()
                        + "), balance " + granted.balanceAfter(),
                null,
                clock.instant());
    }

    @ApplicationModuleListener
    void on(WalletRedeemed redeemed) {
        if (redeemed.customer() == null) {
            return; // a gift card: whoever holds its code, not a known customer
        }
        recorder.record(
                "wallet:" + redeemed.transactionId(),
                redeemed.customer().id(),
                null,
                "credit.redeemed",
                "Store credit used at checkout: " + redeemed.amount(),
                null,
                clock.instant());
    }

    @ApplicationModuleListener
    void on(RefundIssued refund) {
        recorder.record(
                "refund:" + refund.transactionId(),
                null,
                refund.orderId(),
                "refund.issued",
                "Refund of " + refund.amount() + " to the original payment of order " + refund.orderNumber(),
                TimelineRecorder.order(refund.orderId()),
                clock.instant());
    }
}
