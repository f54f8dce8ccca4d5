package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.notifications.Notifications;
import org.aftercart.platform.Languages;
import org.aftercart.tracking.TrackingLinkSettings;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sends the link of a token just made, by e-mail through the notifications module (its express
 * lane, never behind other messages), to the customer's address on file, in the language of the
 * page. The link is built on the configured public address, never on the request's Host header,
 * which a forger could set to their own site.
 */
@Component
class SignInLinkSender implements OneTimeTokenGenerationSuccessHandler {

    static final String CONFIRM_PATH = "/account/sign-in/confirm";

    private final Customers customers;
    private final Notifications notifications;
    private final TrackingLinkSettings links;
    private final AccountSettings settings;
    private final LocaleResolver locales;

    SignInLinkSender(
            Customers customers,
            Notifications notifications,
            TrackingLinkSettings links,
            AccountSettings settings,
            LocaleResolver locales) {
        this.customers = customers;
        this.notifications = notifications;
        this.links = links;
        this.settings = settings;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
            throws IOException {
        customers
                .find(CustomerId.of(token.getUsername()))
                .filter(profile -> profile.email() != null)
                .ifPresent(profile -> notifications.sendSignInLink(
                        profile.email(),
                        URI.create(links.publicUrl() + CONFIRM_PATH + "?token="
                                + URLEncoder.encode(token.getTokenValue(), StandardCharsets.UTF_8)),
                        settings.linkValidFor(),
                        Languages.orFallback(locales.resolveLocale(request))));
        response.sendRedirect(request.getContextPath() + SignInController.SENT_PATH);
    }
}
