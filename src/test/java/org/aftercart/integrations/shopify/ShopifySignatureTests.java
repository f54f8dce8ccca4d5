package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ShopifySignatureTests {

    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    private static final byte[] RFC_4231_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    private static final String RFC_4231_MAC_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private final ShopifySignature jefe = new ShopifySignature("Jefe");

    @Test
    void signsWithHmacSha256InBase64() {
        String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(RFC_4231_MAC_HEX));

        assertThat(expected).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
        assertThat(jefe.sign(RFC_4231_DATA)).isEqualTo(expected);
    }

    @Test
    void acceptsTheRightSignature() {
        assertThat(jefe.matches(RFC_4231_DATA, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="))
                .isTrue();
        assertThat(jefe.matches(RFC_4231_DATA, " W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM= "))
                .isTrue();
    }

    @Test
    void verifiesTheBytesAsSent() {
        byte[] body = "{\"id\":820982911946154508}".getBytes(StandardCharsets.UTF_8);
        ShopifySignature hush = new ShopifySignature("hush");

        assertThat(hush.matches(body, "qBvrsZF7RfB1iS6BX6IHqJTp5L911P7intnPeTPsH0I="))
                .isTrue();
        assertThat(hush.matches("{\"id\": 820982911946154508}".getBytes(StandardCharsets.UTF_8), hush.sign(body)))
                .as("re-serialised JSON is another message")
                .isFalse();
    }

    @Test
    void refusesAnythingElse() {
        String right = jefe.sign(RFC_4231_DATA);

        assertThat(jefe.matches(RFC_4231_DATA, null)).isFalse();
        assertThat(jefe.matches(RFC_4231_DATA, "")).isFalse();
        assertThat(jefe.matches(RFC_4231_DATA, "not base64 at all!")).isFalse();
        assertThat(jefe.matches(RFC_4231_DATA, right.substring(0, 20))).isFalse();
        assertThat(jefe.matches(RFC_4231_DATA, Base64.getEncoder().encodeToString(new byte[32])))
                .isFalse();
        assertThat(new ShopifySignature("other").matches(RFC_4231_DATA, right)).isFalse();
        assertThat(jefe.matches("what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII), right))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsAreAcceptedAndTheNewOneSigns() {
        ShopifySignature rotating = new ShopifySignature("new-secret, Jefe");

        assertThat(rotating.matches(RFC_4231_DATA, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="))
                .as("signed with the previous secret")
                .isTrue();
        assertThat(rotating.matches(RFC_4231_DATA, new ShopifySignature("new-secret").sign(RFC_4231_DATA)))
                .as("signed with the new secret")
                .isTrue();
        assertThat(rotating.sign(RFC_4231_DATA)).isEqualTo(new ShopifySignature("new-secret").sign(RFC_4231_DATA));
        assertThat(new ShopifySignature("new-secret").matches(RFC_4231_DATA, jefe.sign(RFC_4231_DATA)))
                .as("once the previous secret is removed, its signatures are refused")
                .isFalse();
    }

    @Test
    void withoutASecretNothingMatches() {
        ShopifySignature none = new ShopifySignature("  ");

        assertThat(none.configured()).isFalse();
        assertThat(new ShopifySignature(null).configured()).isFalse();
        assertThat(none.matches(RFC_4231_DATA, jefe.sign(RFC_4231_DATA))).isFalse();
        assertThatThrownBy(() -> none.sign(RFC_4231_DATA)).isInstanceOf(IllegalStateException.class);
    }
}
