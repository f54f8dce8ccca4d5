package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import org.aftercart.customers.Customers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.stereotype.Component;

/**
 * Turns the sign-in form's e-mail address into a request for a link for that customer. An address
 * no customer has gives no request: Spring Security then passes the form on to {@link
 * SignInController}, which answers exactly as when a link was sent, so the page never tells whether
 * an address is known.
 */
@Component
class SignInRequests implements GenerateOneTimeTokenRequestResolver {

    static final String EMAIL = "email";
    static final int MAX_EMAIL_LENGTH = 320;

    private final Customers customers;
    private final AccountSettings settings;

    SignInRequests(Customers customers, AccountSettings settings) {
        this.customers = customers;
        this.settings = settings;
    }

    @Override
    public @Nullable GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = request.getParameter(EMAIL);
        if (!plausible(email)) {
            return null;
        }
        return customers
                .findByEmail(email)
                .map(customer -> new GenerateOneTimeTokenRequest(customer.id().toString(), settings.linkValidFor()))
                .orElse(null);
    }

    static boolean plausible(@Nullable String email) {
        if (email == null) {
            return false;
        }
        String stripped = email.strip();
        int at = stripped.indexOf('@');
        return stripped.length() <= MAX_EMAIL_LENGTH && at > 0 && at < stripped.length() - 1;
    }
}
