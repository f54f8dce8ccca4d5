package org.aftercart.notifications.sms;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS provider ({@code aftercart.notifications.sms.*}), one with a Twilio-style Messages API.
 * Without {@code base-url} there is no SMS sender and texts are undeliverable; with it, the account,
 * token and sender must be set too, or the application does not start.
 *
 * @param baseUrl the API's root, e.g. {@code https://api.twilio.com}
 * @param accountSid the account, in the path and as the Basic auth user
 * @param authToken the Basic auth password, and the key of the status callbacks' signatures
 * @param previousAuthToken while the auth token is rotated, the one before it (several
 *     comma-separated): status callbacks signed with it are still accepted, so that callbacks the
 *     provider signed before the switch are not lost
 * @param from the sender: a phone number in E.164, an alphanumeric sender id, or a Messaging Service
 *     SID ({@code MG…}), which is sent as {@code MessagingServiceSid}
 * @param statusCallbackUrl the public address of {@code /webhooks/sms/status}, sent with every text
 *     so the provider reports deliveries and bounces there; it is also the URL the provider signs
 * @param connectTimeout how long connecting may take (a text not yet handed over is retried)
 * @param readTimeout how long the provider may take to answer (without an answer the text may or
 *     may not have gone out)
 */
@ConfigurationProperties("aftercart.notifications.sms")
public record SmsSettings(
        @Nullable URI baseUrl,
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String previousAuthToken,
        @Nullable String from,
        @Nullable URI statusCallbackUrl,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT15S") Duration readTimeout) {

    public SmsSettings {
        if (baseUrl != null) {
            List<String> missing = new ArrayList<>();
            if (blank(accountSid)) {
                missing.add("account-sid");
            }
            if (blank(authToken)) {
                missing.add("auth-token");
            }
            if (blank(from)) {
                missing.add("from");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("aftercart.notifications.sms.base-url is set, so "
                        + String.join(", ", missing) + " must be set too");
            }
        }
        if (statusCallbackUrl != null && statusCallbackUrl.getRawQuery() != null) {
            // The signature covers the URL's query and the form fields, which arrive here mixed.
            throw new IllegalArgumentException(
                    "aftercart.notifications.sms.status-callback-url must not have a query string");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
