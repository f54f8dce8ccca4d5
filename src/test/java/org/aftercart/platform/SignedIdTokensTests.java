package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedIdTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID ID = UUID.fromString("0190f5c2-7a3e-7cc1-9b2a-5d1e6f7a8b9c");

    private final SignedIdTokens thankYou = tokens(2, "secret", List.of());

    @Test
    void aTokenNamesItsIdUntilItExpires() {
        String token = thankYou.issue(ID, NOW.plus(Duration.ofDays(30)));

        assertThat(token).hasSize(SignedIdTokens.LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(thankYou.check(token)).isEqualTo(new SignedIdTokens.Valid(ID));
        assertThat(thankYou.verify(token)).contains(ID);
        assertThat(thankYou.check(thankYou.issue(ID, NOW))).isEqualTo(new SignedIdTokens.Expired());
        assertThat(thankYou.verify(thankYou.issue(ID, NOW))).isEmpty();
    }

    @Test
    void aTokenOfAnotherKindNeverOpensEvenWithTheSameSecret() {
        SignedIdTokens tracking = tokens(1, "secret", List.of());
        String trackingToken = tracking.issue(ID, NOW.plus(Duration.ofDays(1)));

        assertThat(tracking.check(trackingToken)).isEqualTo(new SignedIdTokens.Valid(ID));
        assertThat(thankYou.check(trackingToken)).isEqualTo(new SignedIdTokens.Invalid());
    }

    @Test
    void forgedCutOrForeignTokensAreInvalidAndSayNothingMore() {
        String good = thankYou.issue(ID, NOW.plus(Duration.ofDays(1)));
        char[] chars = good.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A'; // another order id, same signature
        String forged = new String(chars);

        for (String bad : List.of(
                forged,
                tokens(2, "another secret", List.of()).issue(ID, NOW.plus(Duration.ofDays(1))),
                good.substring(0, 54),
                good + "A",
                "*".repeat(55),
                "")) {
            assertThat(thankYou.check(bad)).as(bad).isEqualTo(new SignedIdTokens.Invalid());
        }
    }

    @Test
    void tokensOfAPreviousSecretStillOpenWhileRotating() {
        String old = tokens(2, "old", List.of()).issue(ID, NOW.plus(Duration.ofDays(1)));
        SignedIdTokens rotated = tokens(2, "new", List.of("old"));

        assertThat(rotated.verify(old)).contains(ID);
        assertThat(tokens(2, "old", List.of()).verify(rotated.issue(ID, NOW.plus(Duration.ofDays(1)))))
                .isEmpty();
    }

    @Test
    void theFormatIsTheDocumentedOne() throws Exception {
        // docs/thank-you-page.md: kind | id | expiry | first 16 bytes of HMAC-SHA256, URL-safe Base64
        var payload = java.nio.ByteBuffer.allocate(25)
                .put((byte) 2)
                .putLong(ID.getMostSignificantBits())
                .putLong(ID.getLeastSignificantBits())
                .putLong(NOW.plus(Duration.ofDays(30)).getEpochSecond())
                .array();
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("secret".getBytes(), "HmacSHA256"));
        byte[] token = java.util.Arrays.copyOf(payload, 41);
        System.arraycopy(mac.doFinal(payload), 0, token, 25, 16);

        assertThat(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .isEqualTo(thankYou.issue(ID, NOW.plus(Duration.ofDays(30))));
    }

    private static SignedIdTokens tokens(int kind, String secret, List<String> previous) {
        return SignedIdTokens.of(kind, secret, previous, "test.secret", "TEST_SECRET", CLOCK);
    }
}
