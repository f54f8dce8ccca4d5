package org.aftercart.payments;

import org.aftercart.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Money taken or given back outside Aftercart: cash or a card terminal in store, a bank transfer,
 * a payment the storefront already captured. It records the movement and always succeeds; real
 * provider adapters come later behind the same port.
 */
@Component
class OfflinePaymentProvider implements PaymentProvider {

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Result charge(String orderReference, Money amount, String idempotencyKey) {
        return Result.success("offline-charge-" + idempotencyKey);
    }

    @Override
    public Result refund(String orderReference, Money amount, String idempotencyKey) {
        return Result.success("offline-refund-" + idempotencyKey);
    }

    @Override
    public Result hold(String orderReference, Money amount, String idempotencyKey) {
        return Result.success("offline-hold-" + idempotencyKey);
    }

    @Override
    public Result releaseHold(String holdReference, String idempotencyKey) {
        return Result.success("offline-release-" + idempotencyKey);
    }

    @Override
    public Result captureHold(String holdReference, Money amount, String idempotencyKey) {
        return Result.success("offline-capture-" + idempotencyKey);
    }
}
