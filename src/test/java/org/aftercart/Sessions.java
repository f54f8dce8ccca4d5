package org.aftercart;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.platform.StaffAccounts;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.test.web.servlet.MockMvc;

/** Sessions signed in the way people sign in: a customer by one-time link, staff by the sign-in form. */
final class Sessions {

    private Sessions() {}

    /** A customer signed in by their e-mailed link (the token is made here instead of read from a mail). */
    static MockHttpSession customer(MockMvc mvc, OneTimeTokenService tokens, CustomerId customer) throws Exception {
        String token = tokens.generate(
                        new GenerateOneTimeTokenRequest(customer.id().toString(), Duration.ofMinutes(15)))
                .getTokenValue();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/account/sign-in/confirm")
                        .param("token", token)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account"));
        return session;
    }

    /** A new staff member of this role, signed in on the console's sign-in form. */
    static MockHttpSession staff(MockMvc mvc, StaffAccounts accounts, StaffAccounts.Role role) throws Exception {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@shop.example";
        String password = UUID.randomUUID().toString();
        accounts.createIfMissing(email, "Route Tester", password, Set.of(role));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/admin"));
        return session;
    }
}
