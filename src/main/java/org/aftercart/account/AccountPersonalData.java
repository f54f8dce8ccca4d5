package org.aftercart.account;

import java.util.List;
import java.util.UUID;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's unused sign-in links: only hashes of their tokens, told in the export as a count
 * and dropped on erasure, so no link mailed before can open the erased account.
 */
@Component
class AccountPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('unusedSignInLinks', count(*),
                                                  'lastSignInLinkAt', max(created_at))::text
                        from account.sign_in_tokens where customer_id = ?
                        """)
                .param(customerId)
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql("delete from account.sign_in_tokens where customer_id = ?")
                .param(customerId)
                .update();
    }
}
