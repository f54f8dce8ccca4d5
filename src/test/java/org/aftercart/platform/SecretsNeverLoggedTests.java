package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.Customers;
import org.aftercart.notifications.NotificationsTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The flows that carry secrets, run with Aftercart's own logging at DEBUG while every line written
 * is captured: staff sign-in (right and wrong password), API key use (right and wrong key), Shopify
 * webhooks (the HMAC header, signed with the current and the previous secret, and a forged one), the
 * customer's one-time sign-in link, and the metrics token. None of the secret values may appear.
 */
@ObservabilityIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTests extends ObservabilityTestBase {

    private static final Pattern LINK = Pattern.compile("/account/sign-in/confirm\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    ApplicationContext context;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void everythingOfAftercartAtDebug() {
        logging.setLogLevel("org.aftercart", LogLevel.DEBUG);
    }

    @AfterEach
    void backToTheDefault() {
        logging.setLogLevel("org.aftercart", null);
    }

    @Test
    void noSecretOfAnyFlowIsEverLogged(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET, METRICS_TOKEN));

        // Staff sign-in, with the right password and a wrong one.
        String email = "secrets-" + UUID.randomUUID() + "@aftercart.test";
        String password = "Staff-Passw0rd-" + UUID.randomUUID();
        String wrongPassword = "Wrong-Passw0rd-" + UUID.randomUUID();
        secrets.addAll(List.of(password, wrongPassword));
        staff.createIfMissing(email, "Sec Rets", password, Set.of(StaffAccounts.Role.ADMIN));
        mvc.perform(MockMvcRequestBuilders.post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"));
        mvc.perform(MockMvcRequestBuilders.post("/login")
                        .param("username", email)
                        .param("password", wrongPassword)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        // API keys, right and wrong, in both headers the API takes.
        String key = "ak_secret_" + UUID.randomUUID();
        String wrongKey = "ak_wrong_" + UUID.randomUUID();
        secrets.addAll(List.of(key, wrongKey));
        apiKeys.register("secrets test", key);
        assertThat(get("/api/v1/variants?limit=1", Map.of("Authorization", "Bearer " + key))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/variants?limit=1", Map.of("X-Api-Key", key)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/variants?limit=1", Map.of("Authorization", "Bearer " + wrongKey))
                        .statusCode())
                .isEqualTo(401);
        String issued = apiKeys.issue("issued in the secrets test");
        secrets.add(issued);
        assertThat(get("/api/v1/variants?limit=1", Map.of("X-Api-Key", issued)).statusCode())
                .isEqualTo(200);

        // Shopify webhooks: current secret, previous secret, forged.
        byte[] body = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}".getBytes(StandardCharsets.UTF_8);
        for (String secret : List.of(SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET, "forged-" + UUID.randomUUID())) {
            String hmac = shopifyHmac(secret, body);
            secrets.add(hmac);
            post(
                    "/webhooks/shopify",
                    body,
                    Map.of(
                            "X-Shopify-Topic",
                            "app/uninstalled",
                            "X-Shopify-Webhook-Id",
                            UUID.randomUUID().toString(),
                            "X-Shopify-Hmac-Sha256",
                            hmac,
                            "Content-Type",
                            "application/json"));
        }

        // The customer's one-time sign-in link, asked for, opened and used.
        String customerEmail = "secrets-" + UUID.randomUUID() + "@example.org";
        customers.findOrRegister(
                new ContactDetails(customerEmail, "Sec Customer", null, ContactChannel.EMAIL, "en", "GB"));
        mvc.perform(MockMvcRequestBuilders.post("/account/sign-in")
                        .param("email", customerEmail)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/sign-in/sent"));
        NotificationsTestSupport.deliverExpress(context);
        String token = signInToken(customerEmail);
        secrets.add(token);
        mvc.perform(MockMvcRequestBuilders.get("/account/sign-in/confirm").param("token", token));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(MockMvcRequestBuilders.post("/account/sign-in/confirm")
                        .param("token", token)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account"));

        // The metrics token.
        assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer " + METRICS_TOKEN))
                        .statusCode())
                .isEqualTo(200);

        String logged = output.getAll();
        assertThat(logged).as("the log is captured").contains("Refused a Shopify delivery with a wrong signature");
        for (String secret : secrets) {
            assertThat(logged).as("a secret in the log").doesNotContain(secret);
        }
    }

    private String signInToken(String recipient) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                Matcher link = LINK.matcher(text(message));
                assertThat(link.find()).isTrue();
                return link.group(1);
            }
        }
        throw new AssertionError("No sign-in e-mail to " + recipient);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                all.append(text(body));
            }
            return all.toString();
        }
        return "";
    }
}
