package org.aftercart.wallet;

import java.util.List;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's store-credit accounts with their whole history, their checkout holds, and the gift
 * cards sent to their e-mail address. The ledger is append-only and names nobody (an account holds
 * only the customer's id, which stays the id of an anonymous record), so erasure keeps it whole and
 * only forgets the gift cards' recipient address. An open checkout hold must end first.
 */
@Component
class WalletPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Customers customers;

    WalletPersonalData(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public String section() {
        return "wallet";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'storeCreditAccounts', coalesce((select jsonb_agg(to_jsonb(a) order by a."createdAt") from (
                                select a.id, a.currency, a.balance, a.created_at as "createdAt",
                                       coalesce((select jsonb_agg(jsonb_build_object(
                                               'postedAt', t.posted_at, 'transaction', t.kind, 'reason', t.reason,
                                               'type', e.type, 'amount', e.amount, 'balanceAfter', e.balance_after,
                                               'expiresAt', t.expires_at) order by e.id)
                                           from wallet.entries e join wallet.transactions t on t.id = e.transaction_id
                                           where e.account_id = a.id), '[]') as history,
                                       coalesce((select jsonb_agg(jsonb_build_object(
                                               'id', h.id, 'amount', h.amount, 'status', h.status,
                                               'captured', h.captured, 'createdAt', h.created_at,
                                               'expiresAt', h.expires_at, 'settledAt', h.settled_at) order by h.created_at)
                                           from wallet.holds h where h.account_id = a.id), '[]') as holds
                                from wallet.accounts a where a.customer_id = :customer) a), '[]'),
                            'giftCardsReceived', coalesce((select jsonb_agg(jsonb_build_object(
                                    'last4', g.last4, 'currency', a.currency, 'balance', a.balance,
                                    'issuedAt', g.issued_at) order by g.issued_at)
                                from wallet.gift_cards g join wallet.accounts a on a.id = g.account_id
                                where g.recipient_email = :email), '[]'))::text
                        """)
                .param("customer", customerId)
                .param("email", email(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return jdbc
                .sql(
                        """
                        select h.amount || ' ' || h.currency from wallet.holds h
                        join wallet.accounts a on a.id = h.account_id
                        where a.customer_id = ? and h.status = 'AUTHORISED' order by h.created_at
                        """)
                .param(customerId)
                .query(String.class)
                .list()
                .stream()
                .map(amount ->
                        "Store credit of " + amount + " is held for a checkout: it must be captured or released.")
                .toList();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql("update wallet.gift_cards set recipient_email = null where recipient_email = ?")
                .param(email(customerId))
                .update();
    }

    /** The customer's address; the customers module erases it only after every other module. */
    private String email(UUID customerId) {
        return customers
                .find(new CustomerId(customerId))
                .map(CustomerProfile::email)
                .orElse("");
    }
}
