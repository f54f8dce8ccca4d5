package org.aftercart.returns;

import java.time.Instant;
import org.aftercart.shared.Money;

/**
 * The payment provider did not refund a return: someone must refund by hand and then mark the
 * return refunded. Never a silent loss.
 */
public record ManualRefundRequired(ReturnView request, Money amount, String reason, Instant occurredAt) {}
