package org.aftercart.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.aftercart.notifications.OutgoingMessage;
import org.aftercart.notifications.SendResult;
import org.aftercart.notifications.SendResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMS sender against a local provider over real HTTP. */
class SmsSenderTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token";
    static final String FROM = "+447700900001";
    static final URI CALLBACK = URI.create("https://shop.example.com/webhooks/sms/status");

    final SmsProviderStub provider = new SmsProviderStub();

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void postsTheTextAsAFormWithBasicAuthAndTheMessageIdAsIdempotencyKey() {
        OutgoingMessage message = text("+447700900123", "Your parcel is out for delivery & due by 5pm.");

        SendResult result = sender(FROM, Duration.ofSeconds(5)).send(message);

        assertThat(result.outcome()).isEqualTo(Outcome.SENT);
        assertThat(result.providerId()).isEqualTo(provider.texts().getFirst().sid());
        SmsProviderStub.Request request = provider.requests().getFirst();
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(request.headers())
                .containsEntry(
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)))
                .containsEntry("idempotency-key", message.id().toString())
                .containsEntry("content-type", "application/x-www-form-urlencoded");
        assertThat(request.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To",
                        "+447700900123",
                        "From",
                        FROM,
                        "Body",
                        "Your parcel is out for delivery & due by 5pm.",
                        "StatusCallback",
                        CALLBACK.toString()));
    }

    @Test
    void aMessagingServiceIsNamedAsMessagingServiceSidInsteadOfFrom() {
        String service = "MG0123456789abcdef0123456789abcdef";

        sender(service, Duration.ofSeconds(5)).send(text("+447700900123", "Hello"));

        assertThat(provider.requests().getFirst().form())
                .containsEntry("MessagingServiceSid", service)
                .doesNotContainKey("From");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "21211 | The 'To' number +15005550001 is not a valid phone number. | not a valid phone number",
                "21610 | Attempt to send to unsubscribed recipient | unsubscribed",
                "21614 | 'To' number is not a valid mobile number | not a mobile number"
            })
    void aRefusalOfTheRecipientMakesItUndeliverableWithAReadableReason(int code, String message, String words) {
        provider.refuseNext(400, code, message, null);

        SendResult result = sender(FROM, Duration.ofSeconds(5)).send(text("+15005550001", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains(words, "error " + code, message);
        assertThat(provider.texts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreRetriedAndNamedAsAMisconfiguration(int status) {
        provider.refuseNext(status, 20003, "Authenticate", null);

        SendResult result = sender(FROM, Duration.ofSeconds(5)).send(text("+447700900123", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).contains("credentials", "auth-token", "HTTP " + status);
    }

    @Test
    void throttlingTheProvidersFailuresAndRefusalsAboutTheSenderAreRetried() {
        SmsSender sender = sender(FROM, Duration.ofSeconds(5));
        provider.refuseNext(429, 20429, "Too Many Requests", "30");
        provider.refuseNext(500, 20500, "Internal Server Error", null);
        provider.refuseNext(503, 20503, "Service Unavailable", null);
        provider.refuseNext(
                400, 21606, "The 'From' phone number provided is not a valid message-capable phone number", null);

        SendResult throttled = sender.send(text("+447700900123", "Hello"));
        SendResult failed = sender.send(text("+447700900123", "Hello"));
        SendResult unavailable = sender.send(text("+447700900123", "Hello"));
        SendResult badSender = sender.send(text("+447700900123", "Hello"));

        assertThat(throttled.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(throttled.detail()).contains("HTTP 429", "wait 30 s");
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(failed.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(failed.retryAfter()).isNull();
        assertThat(failed.detail()).contains("HTTP 500");
        assertThat(unavailable.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(badSender.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(badSender.detail()).contains("error 21606", "check the SMS settings");
        assertThat(provider.texts()).isEmpty();
    }

    @Test
    void aProviderThatCannotBeReachedIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmsSender sender = new SmsSender(new SmsSettings(
                URI.create("http://127.0.0.1:" + closedPort),
                ACCOUNT,
                TOKEN,
                null,
                FROM,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2)));

        SendResult result = sender.send(text("+447700900123", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).contains("could not be reached");
    }

    @Test
    void aProviderThatTakesTheTextButAnswersTooLateIsUnknownAndTheNextAttemptSendsNoSecondText() {
        SmsSender sender = sender(FROM, Duration.ofMillis(300));
        OutgoingMessage first = text("+447700900123", "Your parcel was delivered.");
        provider.answerLate(Duration.ofSeconds(2));

        SendResult cutOff = sender.send(first);

        assertThat(cutOff.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(cutOff.detail()).contains("may have gone out");

        provider.answerLate(Duration.ZERO);
        SendResult again = sender.send(retryOf(first));

        assertThat(again.outcome()).isEqualTo(Outcome.SENT);
        assertThat(provider.requests()).hasSize(2);
        assertThat(provider.requests())
                .extracting(request -> request.headers().get("idempotency-key"))
                .containsOnly(first.id().toString());
        assertThat(provider.texts()).hasSize(1);
        assertThat(again.providerId()).isEqualTo(provider.texts().getFirst().sid());
    }

    @Test
    void aRecipientNotInInternationalFormIsRejectedWithoutCallingTheProvider() {
        SendResult result = sender(FROM, Duration.ofSeconds(5)).send(text("07700 900123", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains("07700 900123", "E.164");
        assertThat(provider.requests()).isEmpty();
    }

    SmsSender sender(String from, Duration readTimeout) {
        return new SmsSender(new SmsSettings(
                URI.create(provider.baseUrl()),
                ACCOUNT,
                TOKEN,
                null,
                from,
                CALLBACK,
                Duration.ofSeconds(2),
                readTimeout));
    }

    static OutgoingMessage text(String to, String body) {
        return new OutgoingMessage(
                UUID.randomUUID(), "SMS", to, null, null, body, "OUT_FOR_DELIVERY", Map.of(), 1, false);
    }

    /** The dispatcher's next attempt after one whose outcome is unknown. */
    static OutgoingMessage retryOf(OutgoingMessage message) {
        return new OutgoingMessage(
                message.id(),
                message.channel(),
                message.recipient(),
                message.subject(),
                message.html(),
                message.text(),
                message.kind(),
                message.headers(),
                message.attempt() + 1,
                true);
    }
}
