package org.aftercart.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wallet's V2 migration rewrites an older gift card fingerprint to exactly what the wallet now
 * computes, so a replayed request still matches, and leaves other fingerprints alone.
 */
@WalletTest
class AddressFingerprintMigrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOlderGiftCardFingerprintKeepsOnlyAHashOfTheAddress() throws IOException {
        String email = "fingerprint-" + UUID.randomUUID() + "@example.org";
        UUID issued = transaction("ISSUE", "issue|25.00 EUR|" + email + "|Gift | for a friend");
        UUID withoutRecipient = transaction("ISSUE", "issue|10.00 EUR|null|Sold in store");
        UUID grant = transaction("GRANT", "grant|" + UUID.randomUUID() + "|5.00 EUR|0.00 EUR|Late parcel");
        String grantBefore = fingerprint(grant);

        jdbc.sql(new ClassPathResource("db/migration/wallet/V2__no_addresses_in_fingerprints.sql")
                        .getContentAsString(StandardCharsets.UTF_8))
                .update();

        assertThat(fingerprint(issued))
                .isEqualTo("issue|25.00 EUR|" + Wallet.addressFingerprint(email) + "|Gift | for a friend");
        assertThat(fingerprint(withoutRecipient)).isEqualTo("issue|10.00 EUR|null|Sold in store");
        assertThat(fingerprint(grant)).isEqualTo(grantBefore);
    }

    private UUID transaction(String kind, String fingerprint) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into wallet.transactions (id, kind, idempotency_key, request_fingerprint, reason)
                        values (?, ?, ?, ?, 'migration test')
                        """)
                .params(id, kind, "fingerprint-test:" + id, fingerprint)
                .update();
        return id;
    }

    private String fingerprint(UUID transaction) {
        return jdbc.sql("select request_fingerprint from wallet.transactions where id = ?")
                .param(transaction)
                .query(String.class)
                .single();
    }
}
