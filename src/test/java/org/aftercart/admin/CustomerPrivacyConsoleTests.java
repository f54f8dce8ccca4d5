package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.Birthday;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.customers.ProfileDetails;
import org.aftercart.privacy.PersonalDataRequests;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The customer's profile details on their console page, and the admin's download and two-step erasure. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class CustomerPrivacyConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    @Autowired
    PersonalDataRequests privacy;

    CustomerId customer;
    String email;
    String category;

    @BeforeEach
    void setUp() {
        category = "console-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.upsert(new Catalog.VariantDescription(
                "CP-" + category, "cp-" + category, "Rug", "", category, Money.of("50.00", "EUR")));
        email = "console-privacy-" + UUID.randomUUID() + "@example.org";
        customer = customers.findOrRegister(ContactDetails.email(email, "Imogen Hartwell"));
        customers.updateProfileDetails(customer, new ProfileDetails(new Birthday(7, 14, null), List.of(category)));
    }

    @Test
    void theProfileDetailsAreShownReadOnly() throws Exception {
        mvc.perform(get("/console/customers/" + customer)
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("14 July")))
                .andExpect(content().string(containsString(category)))
                .andExpect(content().string(not(containsString("/erasure"))));
    }

    @Test
    void onlyAnAdminDownloadsOrErasesPersonalData() throws Exception {
        mvc.perform(get("/console/customers/" + customer + "/personal-data")
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/customers/" + customer + "/erasure")
                        .param("reason", "asked")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isForbidden());

        mvc.perform(get("/console/customers/" + customer + "/personal-data")
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(content().string(containsString(email)));
        assertThat(privacy.erasure(customer)).isEmpty();
    }

    @Test
    void erasureIsConfirmedBeforeItIsDone() throws Exception {
        mvc.perform(get("/console/customers/" + customer + "/erasure")
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"confirmed\"")));

        mvc.perform(post("/console/customers/" + customer + "/erasure")
                        .param("reason", "customer's request by e-mail")
                        .with(csrf())
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(redirectedUrl("/console/customers/" + customer + "/erasure"));
        assertThat(privacy.erasure(customer))
                .as("not confirmed: nothing erased")
                .isEmpty();

        mvc.perform(post("/console/customers/" + customer + "/erasure")
                        .param("reason", "customer's request by e-mail")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(redirectedUrl("/console/customers/" + customer));

        assertThat(privacy.erasure(customer).orElseThrow().requestedBy()).isEqualTo("staff:admin@shop.example");
        assertThat(customers.find(customer).orElseThrow().email()).isNull();
        mvc.perform(get("/console/customers/" + customer)
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Imogen"))))
                .andExpect(content().string(containsString("staff:admin@shop.example")));
    }
}
