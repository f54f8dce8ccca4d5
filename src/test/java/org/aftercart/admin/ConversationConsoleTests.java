package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationStatus;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.RecordContact;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Conversations in the console: taking one and moving its status answer an htmx request with the
 * row and a plain form with a redirect; a contact recorded by hand; the order page's count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConversationConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Conversations conversations;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ConsoleTestData data;
    OrderView order;
    String agent;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        order = data.webOrder();
        agent = "agent-" + data.tag + "@shop.example";
    }

    @Test
    void anHtmxRequestTakesTheConversationAndGetsItsRowBack() throws Exception {
        UUID id = wismo();

        mvc.perform(post("/console/conversations/" + id + "/assign-to-me")
                        .param("back", "/console/conversations?status=OPEN")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<tr")))
                .andExpect(content().string(containsString("id=\"conversation-" + id + "\"")))
                .andExpect(content().string(containsString(agent)))
                .andExpect(content().string(containsString("Assigned to you.")))
                .andExpect(content().string(not(containsString("<html"))));

        assertThat(conversations.find(id).orElseThrow().assignee()).isEqualTo(agent);
    }

    @Test
    void aPlainFormChangesTheStatusAndGoesBackToTheListItCameFrom() throws Exception {
        UUID id = wismo();

        mvc.perform(post("/console/conversations/" + id + "/status")
                        .param("status", "WAITING_ON_CUSTOMER")
                        .param("back", "/console/conversations?assignee=me")
                        .with(csrf())
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/conversations?assignee=me"));
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.WAITING_ON_CUSTOMER);

        // A "back" that leaves the console is not followed.
        mvc.perform(post("/console/conversations/" + id + "/status")
                        .param("status", "CLOSED")
                        .param("back", "https://evil.example/")
                        .with(csrf())
                        .with(user(agent).roles("AGENT")))
                .andExpect(redirectedUrl("/console/conversations/" + id));
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.CLOSED);
    }

    @Test
    void theListShowsOpenOnesFilteredAndAnHtmxSearchGetsOnlyTheResults() throws Exception {
        UUID id = wismo();
        conversations.assign(id, agent);

        mvc.perform(get("/console/conversations")
                        .param("assignee", "me")
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("conversation-" + id)))
                .andExpect(content().string(containsString("Where is my order")));
        mvc.perform(get("/console/conversations")
                        .param("assignee", agent)
                        .with(user("admin@shop.example").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + agent + "\" selected=\"selected\"")))
                .andExpect(content().string(containsString("conversation-" + id)));
        mvc.perform(get("/console/conversations")
                        .param("assignee", "me")
                        .param("status", "CLOSED")
                        .header("HX-Request", "true")
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"conversation-results\"")))
                .andExpect(content().string(not(containsString("conversation-" + id))));
    }

    @Test
    void aPhoneCallIsRecordedByHandAndCountedOnTheOrderPage() throws Exception {
        mvc.perform(get("/admin/orders/" + order.id().id()).with(user(agent).roles("AGENT")))
                .andExpect(content().string(containsString("No “where is my order” contact")));

        var result = mvc.perform(post("/console/conversations/new")
                        .param("contact", data.email())
                        .param("orderNumber", order.number())
                        .param("channel", "PHONE")
                        .param("topic", "WHERE_IS_MY_ORDER")
                        .param("direction", "INBOUND")
                        .param("entry", "Called: the parcel has not moved for 4 days.")
                        .param("idempotencyKey", "call-" + data.tag)
                        .with(csrf())
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/console/conversations/");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var recorded = conversations.find(id).orElseThrow();
        assertThat(recorded.customerId().toString()).isEqualTo(order.customerId());
        assertThat(recorded.channel()).isEqualTo(ConversationChannel.PHONE);
        assertThat(recorded.assignee()).isEqualTo(agent);

        mvc.perform(get(location).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the parcel has not moved for 4 days")));
        mvc.perform(get("/admin/orders/" + order.id().id()).with(user(agent).roles("AGENT")))
                .andExpect(content().string(containsString("1 “where is my order” contact")));
        mvc.perform(get("/console/customers/" + order.customerId())
                        .with(user(agent).roles("AGENT")))
                .andExpect(content().string(containsString("/console/conversations/" + id)));
    }

    @Test
    void anUnknownOrderNumberIsSaidAndNothingIsRecorded() throws Exception {
        long before = conversations
                .ofCustomer(new org.aftercart.customers.CustomerId(UUID.fromString(order.customerId())))
                .size();
        mvc.perform(post("/console/conversations/new")
                        .param("contact", data.email())
                        .param("orderNumber", "NO-SUCH-" + data.tag)
                        .param("channel", "PHONE")
                        .param("topic", "OTHER")
                        .param("entry", "Hello")
                        .with(csrf())
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/conversations/new?orderNumber=NO-SUCH-" + data.tag));
        assertThat(conversations.ofCustomer(
                        new org.aftercart.customers.CustomerId(UUID.fromString(order.customerId()))))
                .hasSize((int) before);
    }

    @Test
    void anAnswerSubmittedTwiceIsAddedOnce() throws Exception {
        UUID id = wismo();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/console/conversations/" + id + "/entries")
                            .param("direction", "OUTBOUND")
                            .param("entry", "It arrives tomorrow.")
                            .param("idempotencyKey", "answer-" + data.tag)
                            .with(csrf())
                            .with(user(agent).roles("AGENT")))
                    .andExpect(redirectedUrl("/console/conversations/" + id));
        }

        assertThat(conversations.find(id).orElseThrow().entries())
                .extracting(entry -> entry.body())
                .containsExactly("Where is it?", "It arrives tomorrow.");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/console/conversations")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/conversations/" + UUID.randomUUID() + "/assign-to-me")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private UUID wismo() {
        return conversations
                .record(
                        new RecordContact(
                                new CustomerReference(null, null, null),
                                order.id().id(),
                                ConversationChannel.CHAT,
                                ConversationTopic.WHERE_IS_MY_ORDER,
                                EntryDirection.INBOUND,
                                "Where is it?",
                                "customer",
                                null),
                        null)
                .conversation()
                .id();
    }
}
