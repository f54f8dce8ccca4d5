package org.aftercart.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aftercart.notifications.MessageUndeliverable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The SMS provider's status callbacks on the real application and PostgreSQL: signed as the
 * provider signs them, they close bounced messages; anything else is refused or ignored.
 */
@SpringBootTest(
        properties = {
            "aftercart.notifications.sms.base-url=http://127.0.0.1:9",
            "aftercart.notifications.sms.account-sid=" + SmsStatusCallbackIntegrationTests.ACCOUNT,
            "aftercart.notifications.sms.auth-token=" + SmsStatusCallbackIntegrationTests.TOKEN,
            // being rotated out: callbacks the provider signed with it before the switch still count
            "aftercart.notifications.sms.previous-auth-token=" + SmsStatusCallbackIntegrationTests.PREVIOUS_TOKEN,
            "aftercart.notifications.sms.from=+447700900001",
            "aftercart.notifications.sms.status-callback-url=" + SmsStatusCallbackIntegrationTests.CALLBACK
        })
@AutoConfigureMockMvc
@RecordApplicationEvents
class SmsStatusCallbackIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "callback-test-token";
    static final String PREVIOUS_TOKEN = "callback-previous-token";
    // What the provider was told to call (and signs); the request arrives here as http://localhost.
    static final String CALLBACK = "https://shop.example.com/webhooks/sms/status";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void anUndeliveredTextSignedByTheProviderMakesItsMessageUndeliverableAndTellsTheTimeline() {
        UUID message = sentText("SM" + hex());
        String sid = providerId(message);
        Map<String, String> callback = callback(sid, "undelivered", "30003");

        assertThat(post(callback, sign(callback))).hasStatusOk();

        assertThat(status(message)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(message)).contains("undelivered", "30003", "unreachable");
        assertThat(lastAttemptDetail(message)).isEqualTo(reason(message));
        assertThat(events.stream(MessageUndeliverable.class)).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(message);
            assertThat(event.kind()).isEqualTo("OUT_FOR_DELIVERY");
            assertThat(event.reason()).contains("30003");
        });

        // The provider reports it again (failed after undelivered): nothing more happens.
        Map<String, String> again = callback(sid, "failed", "30003");
        assertThat(post(again, sign(again))).hasStatusOk();
        assertThat(events.stream(MessageUndeliverable.class)).hasSize(1);
    }

    @Test
    void aForgedOrTamperedCallbackIsRefusedAndChangesNothing() {
        UUID message = sentText("SM" + hex());
        Map<String, String> callback = callback(providerId(message), "failed", "30005");
        Map<String, String> tampered = new LinkedHashMap<>(callback);
        tampered.put("MessageStatus", "undelivered");

        MvcTestResult forged = post(callback, new TwilioSignature("not-the-token").sign(CALLBACK, form(callback)));
        MvcTestResult altered = post(tampered, sign(callback));
        MvcTestResult unsigned = post(callback, null);

        for (MvcTestResult refused : List.of(forged, altered, unsigned)) {
            assertThat(refused)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("X-Twilio-Signature");
        }
        assertThat(status(message)).isEqualTo("SENT");
        assertThat(events.stream(MessageUndeliverable.class)).isEmpty();
    }

    @Test
    void aCallbackSignedWithThePreviousTokenCountsWhileItIsRotatedOut() {
        UUID message = sentText("SM" + hex());
        Map<String, String> callback = callback(providerId(message), "undelivered", "30003");

        assertThat(post(callback, new TwilioSignature(PREVIOUS_TOKEN).sign(CALLBACK, form(callback))))
                .hasStatusOk();

        assertThat(status(message)).isEqualTo("UNDELIVERABLE");
    }

    @Test
    void aDeliveredTextIsNotedAndReportsOfUnknownTextsAreAcknowledgedWithoutEffect() {
        UUID message = sentText("SM" + hex());
        Map<String, String> delivered = callback(providerId(message), "delivered", null);
        Map<String, String> unknown = callback("SM" + hex(), "failed", "30003");

        assertThat(post(delivered, sign(delivered))).hasStatusOk();
        assertThat(post(unknown, sign(unknown))).hasStatusOk();

        assertThat(status(message)).isEqualTo("SENT");
        assertThat(jdbc.sql("select delivered_at is not null from notifications.messages where id = ?")
                        .param(message)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(events.stream(MessageUndeliverable.class)).isEmpty();
    }

    /** A text the dispatcher handed to the provider, which answered {@code sid}. */
    UUID sentText(String sid) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, customer_id, order_id,
                            status, attempts, channel, recipient, provider_id, sent_at)
                        values (?, 'OUT_FOR_DELIVERY', 'TRANSACTIONAL', ?, ?, ?, 'SENT', 1, 'SMS', '+447700900123', ?,
                            now())
                        """)
                .params(id, "sms-callback-test:" + id, UUID.randomUUID(), UUID.randomUUID(), sid)
                .update();
        jdbc.sql(
                        """
                        insert into notifications.attempts (message_id, number, channel, finished_at, outcome, provider_id)
                        values (?, 1, 'SMS', now(), 'SENT', ?)
                        """)
                .params(id, sid)
                .update();
        return id;
    }

    /** The form fields of a status callback, as the provider posts them. */
    static Map<String, String> callback(String sid, String status, @Nullable String errorCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AccountSid", ACCOUNT);
        fields.put("ApiVersion", "2010-04-01");
        fields.put("From", "+447700900001");
        fields.put("MessageSid", sid);
        fields.put("MessageStatus", status);
        fields.put("SmsSid", sid);
        fields.put("SmsStatus", status);
        fields.put("To", "+447700900123");
        if (errorCode != null) {
            fields.put("ErrorCode", errorCode);
        }
        return fields;
    }

    MvcTestResult post(Map<String, String> fields, @Nullable String signature) {
        var request = mvc.post()
                .uri("/webhooks/sms/status")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(fields.entrySet().stream()
                        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
        if (signature != null) {
            request = request.header(SmsStatusCallbackController.SIGNATURE, signature);
        }
        return request.exchange();
    }

    static String sign(Map<String, String> fields) {
        return new TwilioSignature(TOKEN).sign(CALLBACK, form(fields));
    }

    static Map<String, List<String>> form(Map<String, String> fields) {
        return fields.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    String status(UUID message) {
        return jdbc.sql("select status from notifications.messages where id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    String reason(UUID message) {
        return jdbc.sql("select reason from notifications.messages where id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    String providerId(UUID message) {
        return jdbc.sql("select provider_id from notifications.messages where id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    String lastAttemptDetail(UUID message) {
        return jdbc.sql("select detail from notifications.attempts where message_id = ? order by number desc limit 1")
                .param(message)
                .query(String.class)
                .single();
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
