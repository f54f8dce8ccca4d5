package org.aftercart.payments;

import org.aftercart.shared.Money;

/**
 * The port every payment provider adapter implements. Each call carries an idempotency key that
 * the adapter passes on to the provider, so a repeated call never moves money twice.
 */
public interface PaymentProvider {

    String name();

    Result charge(String orderReference, Money amount, String idempotencyKey);

    Result refund(String orderReference, Money amount, String idempotencyKey);

    /** Holds an amount on the customer's payment without taking it; the reference names the hold. */
    default Result hold(String orderReference, Money amount, String idempotencyKey) {
        return Result.failure(name() + " cannot hold payments");
    }

    /** Gives a hold back. */
    default Result releaseHold(String holdReference, String idempotencyKey) {
        return Result.failure(name() + " cannot release holds");
    }

    /** Takes the held amount. */
    default Result captureHold(String holdReference, Money amount, String idempotencyKey) {
        return Result.failure(name() + " cannot capture holds");
    }

    /** What the provider answered. */
    record Result(boolean succeeded, String reference, String message) {

        public static Result success(String reference) {
            return new Result(true, reference, "ok");
        }

        public static Result failure(String message) {
            return new Result(false, "", message);
        }
    }
}
