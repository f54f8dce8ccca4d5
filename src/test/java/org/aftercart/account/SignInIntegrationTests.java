package org.aftercart.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.notifications.MessageKind;
import org.aftercart.notifications.NotificationRequest;
import org.aftercart.notifications.Notifications;
import org.aftercart.notifications.NotificationsTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one-time sign-in link from the form to the signed-in session, through the real application
 * and a real SMTP server: the link arrives by e-mail, signs in once, not twice, not when expired;
 * unknown addresses get the same answer and no e-mail; asking too often answers 429.
 */
@AccountIntegrationTest
class SignInIntegrationTests extends AccountTestBase {

    private static final Pattern LINK =
            Pattern.compile("https?://\\S+/account/sign-in/confirm\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    Notifications notifications;

    @Autowired
    SignInTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void aKnownCustomerAsksForALinkReadsTheMailAndIsSignedInOnce() throws Exception {
        String email = unique("signin");
        CustomerId customer = register(email);

        mvc.perform(post("/account/sign-in").param("email", email).with(csrf()).with(from(randomAddress())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/sign-in/sent"));
        NotificationsTestSupport.deliverExpress(context);

        MimeMessage mail = single(email);
        assertThat(mail.getSubject()).isEqualTo("Your sign-in link for Aftercart Demo Shop");
        String html = part(mail, "text/html").orElseThrow();
        String text = part(mail, "text/plain").orElseThrow();
        assertThat(html).contains("Sign in to my account").contains("within 15 minutes");
        assertThat(html).as("the link is not wrapped in a click redirect").doesNotContain("/m/");
        String token = token(text);
        assertThat(token(html.replace("&amp;", "&"))).isEqualTo(token);
        assertThat(jdbc.sql("select count(*) from account.sign_in_tokens where token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .as("the token itself is not stored")
                .isZero();

        mvc.perform(get("/account/sign-in/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/account/sign-in/confirm")
                        .param("token", token)
                        .with(csrf())
                        .session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account"));
        Authentication signedIn =
                ((SecurityContext) session.getAttribute(AccountSecurity.CONTEXT_KEY)).getAuthentication();
        assertThat(signedIn.getName()).isEqualTo(customer.id().toString());
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_CUSTOMER");
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        // A customer is not staff.
        mvc.perform(get("/admin/orders").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));

        MockHttpSession another = new MockHttpSession();
        mvc.perform(post("/account/sign-in/confirm")
                        .param("token", token)
                        .with(csrf())
                        .session(another))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/sign-in?refused"));
        assertThat(another.getAttribute(AccountSecurity.CONTEXT_KEY))
                .as("a used link signs nobody in")
                .isNull();
        mvc.perform(get("/account").session(another))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/sign-in"));

        mvc.perform(post("/account/sign-out").with(csrf()).session(session))
                .andExpect(redirectedUrl("/account/sign-in?signed-out"));
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        CustomerId customer = register(unique("expired"));
        String token = tokens.generate(
                        new GenerateOneTimeTokenRequest(customer.id().toString(), Duration.ofMinutes(15)))
                .getTokenValue();
        jdbc.sql("update account.sign_in_tokens set expires_at = now() - interval '1 second' where token_hash = ?")
                .param(SignInTokens.hash(token))
                .update();

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/account/sign-in/confirm")
                        .param("token", token)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account/sign-in?refused"));
        assertThat(session.getAttribute(AccountSecurity.CONTEXT_KEY)).isNull();
        mvc.perform(get("/account/sign-in").param("refused", ""))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("This sign-in link has expired or has already been used."));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String known = unique("known");
        register(known);
        String unknown = unique("nobody");

        MvcResult forKnown = mvc.perform(post("/account/sign-in")
                        .param("email", known)
                        .with(csrf())
                        .with(from(randomAddress())))
                .andReturn();
        MvcResult forUnknown = mvc.perform(post("/account/sign-in")
                        .param("email", unknown)
                        .with(csrf())
                        .with(from(randomAddress())))
                .andReturn();
        NotificationsTestSupport.deliverExpress(context);

        assertThat(forUnknown.getResponse().getStatus())
                .isEqualTo(forKnown.getResponse().getStatus())
                .isEqualTo(302);
        assertThat(forUnknown.getResponse().getRedirectedUrl())
                .isEqualTo(forKnown.getResponse().getRedirectedUrl());
        assertThat(to(unknown)).isEmpty();
        assertThat(to(known)).hasSize(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenOrWithoutAnAddressIsRefused() throws Exception {
        String email = unique("csrf");
        register(email);
        mvc.perform(post("/account/sign-in").param("email", email).with(from(randomAddress())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/sign-in")
                        .param("email", "not an address")
                        .with(csrf())
                        .with(from(randomAddress())))
                .andExpect(status().isBadRequest());
        NotificationsTestSupport.deliverExpress(context);
        assertThat(to(email)).isEmpty();
    }

    @Test
    void askingTooOftenForOneAddressAnswers429WithRetryAfter() throws Exception {
        String email = unique("limit");
        register(email);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/account/sign-in")
                            .param("email", email)
                            .with(csrf())
                            .with(from(randomAddress())))
                    .andExpect(redirectedUrl("/account/sign-in/sent"));
        }
        MvcResult refused = mvc.perform(post("/account/sign-in")
                        .param("email", email.toUpperCase(Locale.ROOT))
                        .with(csrf())
                        .with(from(randomAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(forwardedUrl("/account/sign-in/too-many"))
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isPositive();
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account/sign-in/too-many"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many sign-in links asked for");
        NotificationsTestSupport.deliverExpress(context);
        assertThat(to(email)).hasSize(3);
    }

    @Test
    void askingTooOftenFromOneClientAddressAnswers429() throws Exception {
        String address = randomAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/account/sign-in")
                            .param("email", unique("ip"))
                            .with(csrf())
                            .with(from(address)))
                    .andExpect(redirectedUrl("/account/sign-in/sent"));
        }
        mvc.perform(post("/account/sign-in")
                        .param("email", unique("ip"))
                        .with(csrf())
                        .with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void aSignInLinkIsDeliveredByTheExpressLaneAheadOfOtherMessages() throws Exception {
        String waiting = unique("waiting");
        CustomerId other = register(waiting);
        notifications.request(new NotificationRequest(
                MessageKind.CREDIT_ISSUED,
                "account-test:" + UUID.randomUUID(),
                other,
                null,
                Map.of("amount", "5.00", "balance", "5.00", "currency", "GBP", "reason", "test"),
                null));
        String email = unique("express");
        register(email);
        mvc.perform(post("/account/sign-in").param("email", email).with(csrf()).with(from(randomAddress())))
                .andExpect(redirectedUrl("/account/sign-in/sent"));

        NotificationsTestSupport.deliverExpress(context);

        assertThat(to(email)).hasSize(1);
        assertThat(to(waiting))
                .as("the express lane takes only express messages")
                .isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account/sign-in"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).as("not Secure over plain HTTP (it is over HTTPS)").doesNotContain("Secure");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    }

    // ------------------------------------------------------------------ helpers

    private CustomerId register(String email) {
        return customers.findOrRegister(
                new ContactDetails(email, "Grace Test", null, ContactChannel.EMAIL, "en", "GB"));
    }

    private List<MimeMessage> to(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    private MimeMessage single(String recipient) throws Exception {
        List<MimeMessage> found = to(recipient);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a sign-in link in " + body).isTrue();
        return matcher.group(1);
    }

    static Optional<String> part(Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = part(body, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static RequestPostProcessor from(String clientAddress) {
        return request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        };
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
