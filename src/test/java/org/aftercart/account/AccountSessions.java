package org.aftercart.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import org.aftercart.customers.CustomerId;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.test.web.servlet.MockMvc;

/** A customer signed in as by their e-mailed link (the token is made here instead of read from a mail). */
final class AccountSessions {

    private AccountSessions() {}

    static MockHttpSession signIn(MockMvc mvc, SignInTokens tokens, CustomerId customer) throws Exception {
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

    /** The path that signs this customer in, for a browser. */
    static String signInPath(SignInTokens tokens, CustomerId customer) {
        return "/account/sign-in/confirm?token="
                + tokens.generate(new GenerateOneTimeTokenRequest(customer.id().toString(), Duration.ofMinutes(15)))
                        .getTokenValue();
    }
}
