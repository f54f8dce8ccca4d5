package org.aftercart.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The X-Twilio-Signature algorithm, checked against the example of Twilio's own request validator. */
class TwilioSignatureTests {

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, List<String>> PARAMETERS = Map.of(
            "Digits", List.of("1234"),
            "CallSid", List.of("CA1234567890ABCDE"),
            "To", List.of("+18005551212"),
            "Caller", List.of("+14158675309"),
            "From", List.of("+14158675309"));

    final TwilioSignature signature = new TwilioSignature("12345");

    @Test
    void signsTheUrlFollowedByTheParametersSortedByName() {
        assertThat(signature.sign(URL, PARAMETERS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(signature.matches(URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isTrue();
    }

    @Test
    void anyOtherSignatureUrlOrParameterDoesNotMatch() {
        assertThat(signature.matches(URL, PARAMETERS, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
        assertThat(signature.matches(URL, PARAMETERS, null)).isFalse();
        assertThat(signature.matches(URL.replace("foo=1", "foo=2"), PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
        assertThat(new TwilioSignature("54321").matches(URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
    }
}
