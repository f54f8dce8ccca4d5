package org.aftercart.wallet;

import java.util.List;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;

/** A customer's store credit, one line per currency the customer ever had credit in. */
public record WalletBalance(CustomerId customer, List<InCurrency> balances) {

    /**
     * @param available what checkout may take now
     * @param held what open holds have set aside (captured or given back later)
     */
    public record InCurrency(Money available, Money held) {}
}
