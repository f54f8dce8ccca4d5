package org.aftercart.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.privacy.PersonalDataRequests;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.Wallet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer's own profile details and privacy requests on the account page: details saved or
 * refused with nothing written, a download of everything held about them (and only them), and the
 * deletion of their account, refused while something is under way, confirmed by a tick box, and
 * ending every session of theirs.
 */
@AccountIntegrationTest
class AccountPrivacyIntegrationTests extends AccountTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignInTokens tokens;

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    @Autowired
    Wallet wallet;

    @Autowired
    PersonalDataRequests privacy;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Inventory inventory;

    @Test
    void profileDetailsAreSavedWithoutAYearAndWrongOnesRefusedWithNothingWritten() throws Exception {
        CustomerId customer = newCustomer("profile");
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);
        String category = catalog.categories().getFirst();

        mvc.perform(post("/account/profile")
                        .param("birthDay", "29")
                        .param("birthMonth", "2")
                        .param("birthYear", "")
                        .param("favouriteCategory", category)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account?saved=profile#profile"));
        ProfileDetails saved = customers.profileDetails(customer).orElseThrow();
        assertThat(saved).isEqualTo(new ProfileDetails(new Birthday(2, 29, null), List.of(category)));
        assertThat(page(session)).contains("Your details are saved.");

        expectRefusal(session, "This date does not exist", "birthDay", "30", "birthMonth", "2");
        expectRefusal(session, "This date does not exist", "birthDay", "29", "birthMonth", "2", "birthYear", "2023");
        expectRefusal(session, "Give your birthday as a day and a month", "birthMonth", "5");
        expectRefusal(session, "Give your birthday as a day and a month", "birthDay", "x", "birthMonth", "5");
        expectRefusal(
                session,
                "Choose among the categories shown.",
                "birthDay",
                "1",
                "birthMonth",
                "5",
                "favouriteCategory",
                "Not a category " + UUID.randomUUID());
        assertThat(customers.profileDetails(customer)).contains(saved);
    }

    @Test
    void theDownloadHoldsTheCustomersOwnDataOnly() throws Exception {
        String email = SignInIntegrationTests.unique("export");
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Export Me"));
        String someoneElse = SignInIntegrationTests.unique("not-me");
        customers.findOrRegister(ContactDetails.email(someoneElse, "Not Me"));
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);

        String json = mvc.perform(get("/account/personal-data").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"my-data-" + customer.id() + ".json\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(json)
                .contains(PersonalDataRequests.FORMAT, email, "Export Me", "\"account\"")
                .doesNotContain(someoneElse);
        mvc.perform(get("/account/personal-data")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anOrderNotShippedYetHoldsTheDeletionBackAndNothingIsErased() throws Exception {
        ShippedOrders shop = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
        OrderView order = shop.placeOnly(SignInIntegrationTests.unique("busy"), "Lamp");
        CustomerId customer = CustomerId.of(order.customerId());
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);

        String page = mvc.perform(get("/account/delete").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("cannot be deleted yet").doesNotContain("name=\"understood\"");

        mvc.perform(post("/account/delete")
                        .param("understood", "on")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isConflict());
        assertThat(privacy.erasure(customer)).isEmpty();
        assertThat(customers.find(customer).orElseThrow().email()).isEqualTo(order.email());
    }

    @Test
    void deletionNeedsTheTickThenErasesTheAccountAndEndsEverySessionOfTheCustomer() throws Exception {
        String email = SignInIntegrationTests.unique("leaving");
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Leaving Soon"));
        wallet.grantStoreCredit(
                customer, Money.of("7.00", "EUR"), Money.of("0.00", "EUR"), "Goodwill", "test:" + UUID.randomUUID());
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);
        MockHttpSession otherDevice = AccountSessions.signIn(mvc, tokens, customer);

        String confirmation = mvc.perform(get("/account/delete").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirmation).contains(email, "The store credit left on your account will be lost", "€7.00");

        mvc.perform(post("/account/delete").with(csrf()).session(session)).andExpect(status().isBadRequest());
        assertThat(privacy.erasure(customer)).isEmpty();
        mvc.perform(post("/account/delete").param("understood", "on").session(session))
                .andExpect(status().isForbidden());
        assertThat(privacy.erasure(customer)).isEmpty();

        mvc.perform(post("/account/delete")
                        .param("understood", "on")
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account/sign-in?deleted"));

        assertThat(session.isInvalid()).isTrue();
        assertThat(privacy.erasure(customer))
                .hasValueSatisfying(erasure -> assertThat(erasure.requestedBy()).isEqualTo("customer"));
        assertThat(customers.find(customer).orElseThrow().email()).isNull();
        assertThat(customers.findByEmail(email)).isEmpty();
        mvc.perform(get("/account/orders").session(otherDevice)).andExpect(redirectedUrl("/account/sign-in?deleted"));
        assertThat(otherDevice.isInvalid()).isTrue();
        assertThat(mvc.perform(get("/account/sign-in").param("deleted", ""))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Your account is deleted");
    }

    private void expectRefusal(MockHttpSession session, String error, String... fields) throws Exception {
        var request = post("/account/profile").with(csrf()).session(session);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        assertThat(mvc.perform(request)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(error);
    }

    private String page(MockHttpSession session) throws Exception {
        return mvc.perform(get("/account?saved=profile").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private CustomerId newCustomer(String prefix) {
        return customers.findOrRegister(ContactDetails.email(SignInIntegrationTests.unique(prefix), "Profile Person"));
    }
}
