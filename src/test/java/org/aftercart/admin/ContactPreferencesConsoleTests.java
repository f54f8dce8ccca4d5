package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.timeline.CustomerTimeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An agent changes a customer's contact preferences; consent can be withdrawn, never given. */
@SpringBootTest
@AutoConfigureMockMvc
class ContactPreferencesConsoleTests {

    private static final RequestPostProcessor AGENT =
            user("agent-preferences@example.org").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerTimeline timeline;

    CustomerId customer;

    @BeforeEach
    void setUp() {
        String email = "prefs-" + UUID.randomUUID() + "@example.org";
        customer = customers.findOrRegister(ContactDetails.email(email, "Pat Prefs"));
    }

    @Test
    void anAgentChangesThePreferencesTheCustomerAskedFor() throws Exception {
        mvc.perform(get(page()).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("action=\"" + page() + "/contact-preferences\""),
                                containsString("only the customer can give it"),
                                not(containsString("name=\"marketingConsent\"")))));

        mvc.perform(save(Map.of(
                        "preferredChannel", "SMS",
                        "channel-shipped", "EMAIL",
                        "quietHoursStart", "21:00",
                        "quietHoursEnd", "08:00",
                        "timeZone", "Europe/Paris",
                        "language", "fr")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(page() + "#contact-preferences"));

        ContactPreferences saved = customers.contactPreferences(customer).orElseThrow();
        assertThat(saved.preferredChannel()).isEqualTo(ContactChannel.SMS);
        assertThat(saved.channelFor("shipped")).isEqualTo(ContactChannel.EMAIL);
        assertThat(saved.quietHoursStart()).isEqualTo(LocalTime.of(21, 0));
        assertThat(saved.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(saved.language()).isEqualTo("fr");
        assertThat(saved.marketingConsent()).isFalse();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> timeline.page(customer, null, null, 20).entries().stream()
                        .anyMatch(entry -> entry.kind().equals("preferences.changed")
                                && entry.summary().contains("staff:agent-preferences@example.org")));
    }

    @Test
    void anAgentMayNotGiveMarketingConsent() throws Exception {
        ContactPreferences before = customers.contactPreferences(customer).orElseThrow();
        assertThat(before.marketingConsent()).isFalse();

        mvc.perform(save(Map.of("preferredChannel", "SMS", "language", "en", "marketingConsent", "on")))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"alert\""),
                                containsString("Marketing consent can only be given by the customer"))));

        assertThat(customers.contactPreferences(customer).orElseThrow()).isEqualTo(before);
    }

    @Test
    void anAgentMayWithdrawConsentTheCustomerGave() throws Exception {
        ContactPreferences current = customers.contactPreferences(customer).orElseThrow();
        customers.updateContactPreferences(
                customer,
                new ContactPreferences(
                        current.preferredChannel(), Map.of(), true, null, null, null, current.language()));

        mvc.perform(get(page()).with(AGENT)).andExpect(content().string(containsString("name=\"marketingConsent\"")));
        mvc.perform(save(Map.of("preferredChannel", "EMAIL", "language", "en", "marketingConsent", "on")))
                .andExpect(status().isFound());
        assertThat(customers.contactPreferences(customer).orElseThrow().marketingConsent())
                .as("kept when left ticked")
                .isTrue();

        mvc.perform(save(Map.of("preferredChannel", "EMAIL", "language", "en"))).andExpect(status().isFound());
        assertThat(customers.contactPreferences(customer).orElseThrow().marketingConsent())
                .as("withdrawn when unticked")
                .isFalse();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        ContactPreferences before = customers.contactPreferences(customer).orElseThrow();

        mvc.perform(save(Map.of(
                        "preferredChannel", "PIGEON",
                        "quietHoursStart", "22:00",
                        "timeZone", "Mars/Olympus",
                        "language", "xx")))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Choose a channel among those offered."),
                                containsString("Give quiet hours as a start and an end"),
                                containsString("This time zone is unknown"),
                                containsString("value=\"Mars/Olympus\""),
                                containsString("Choose a language among those offered."))));

        assertThat(customers.contactPreferences(customer).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aStoreAssociateMayNotChangePreferences() throws Exception {
        ContactPreferences before = customers.contactPreferences(customer).orElseThrow();
        mvc.perform(post(page() + "/contact-preferences")
                        .param("preferredChannel", "SMS")
                        .param("language", "en")
                        .with(csrf())
                        .with(user("store-preferences@example.org").roles("ASSOCIATE")))
                .andExpect(status().isForbidden());
        assertThat(customers.contactPreferences(customer).orElseThrow()).isEqualTo(before);
    }

    private String page() {
        return "/console/customers/" + customer.id();
    }

    private MockHttpServletRequestBuilder save(Map<String, String> fields) {
        MockHttpServletRequestBuilder request =
                post(page() + "/contact-preferences").with(csrf()).with(AGENT);
        fields.forEach(request::param);
        return request;
    }
}
