package org.aftercart.notifications.sms;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.aftercart.notifications.MessageSender;
import org.aftercart.notifications.OutgoingMessage;
import org.aftercart.notifications.SendResult;
import org.aftercart.shared.RetryAfter;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends texts through an SMS provider with a Twilio-style Messages API: {@code POST
 * {base-url}/2010-04-01/Accounts/{account-sid}/Messages.json}, form-encoded, with HTTP Basic auth.
 *
 * <p>Every attempt of a message carries {@code Idempotency-Key: <message id>}: when an attempt timed
 * out after the provider may have taken the text, the next attempt is the same request, and a
 * provider that deduplicates on the key answers with the first text's sid instead of sending a
 * second one.
 *
 * <p>A refusal because of the recipient or the text (invalid number, unsubscribed, …) makes the
 * message undeliverable; refused credentials, throttling, the provider's own failures and
 * unreachable servers are tried again; no answer after the request went out is unknown.
 */
@Component
@ConditionalOnProperty("aftercart.notifications.sms.base-url")
class SmsSender implements MessageSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsSettings settings;
    private final URI messages;
    private final String authorization;
    private final HttpClient http;

    SmsSender(SmsSettings settings) {
        this.settings = settings;
        String base = Objects.requireNonNull(settings.baseUrl(), "aftercart.notifications.sms.base-url")
                .toString()
                .replaceAll("/+$", "");
        this.messages = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String channel() {
        return "SMS";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (!E164.matcher(message.recipient()).matches()) {
            // Routing only hands over valid numbers; this guards the provider bill against anything else.
            return SendResult.rejected("'" + message.recipient()
                    + "' is not a phone number in international form (E.164, like +447700900123), so it was not sent.");
        }
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_KEY, message.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(form(message)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException | SSLHandshakeException notReached) {
            return SendResult.retry(
                    "The SMS provider could not be reached at " + messages.getHost() + ": " + notReached);
        } catch (HttpTimeoutException noAnswer) {
            return SendResult.unknown("The SMS provider did not answer within " + settings.readTimeout()
                    + ": the text may have gone out; the next attempt carries the same Idempotency-Key.");
        } catch (IOException brokenOff) {
            return SendResult.unknown("The connection to the SMS provider broke off before it answered (" + brokenOff
                    + "): the text may have gone out.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return SendResult.unknown(
                    "Stopped while waiting for the SMS provider's answer: the text may have gone out.");
        }
        return outcome(response);
    }

    private String form(OutgoingMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", message.recipient());
        String from = Objects.requireNonNull(settings.from());
        // A Messaging Service picks the sending number itself.
        fields.put(from.matches("MG[0-9a-fA-F]{32}") ? "MessagingServiceSid" : "From", from);
        fields.put("Body", message.text());
        if (settings.statusCallbackUrl() != null) {
            fields.put("StatusCallback", settings.statusCallbackUrl().toString());
        }
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static SendResult outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode answer = json(response.body());
        if (status >= 200 && status < 300) {
            String sid = answer.path("sid").isString() ? answer.path("sid").asString() : null;
            return SendResult.sent(sid);
        }
        String says = providerSays(answer, response.body());
        if (status == 401 || status == 403) {
            return SendResult.retry("The SMS provider refused Aftercart's credentials (HTTP " + status
                    + "): check aftercart.notifications.sms.account-sid and auth-token. It said: " + says);
        }
        Duration retryAfter = RetryAfter.parse(
                        response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                .orElse(null);
        String wait = retryAfter == null ? "" : " and asks to wait " + retryAfter.toSeconds() + " s";
        if (status == 429) {
            return SendResult.retry(
                    "The SMS provider is throttling Aftercart (HTTP 429)" + wait + ". It said: " + says, retryAfter);
        }
        if (status >= 500) {
            return SendResult.retry(
                    "The SMS provider failed (HTTP " + status + ")" + wait + ". It said: " + says, retryAfter);
        }
        int code = answer.path("code").asInt(0);
        String refusal = TwilioErrorCodes.permanentRefusal(code);
        if (status >= 400 && status < 500 && refusal != null) {
            return SendResult.rejected(
                    "The SMS provider refused the text: " + refusal + " (error " + code + ": " + says + ")");
        }
        return SendResult.retry("The SMS provider refused the request (HTTP " + status
                + (code == 0 ? "" : ", error " + code) + "); it is tried again, so check the SMS settings. It said: "
                + says);
    }

    private static JsonNode json(@Nullable String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }

    private static String providerSays(JsonNode answer, @Nullable String body) {
        if (answer.path("message").isString()) {
            return answer.path("message").asString();
        }
        if (body == null || body.isBlank()) {
            return "nothing";
        }
        String text = body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
