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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The staff audit log: what an action, a refusal and a return step leave in it, and its page. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class StaffAuditConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Returns returns;

    @Autowired
    StaffAudit audit;

    ConsoleTestData data;
    String agent;
    String associate;
    String admin;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        agent = "agent-" + data.tag + "@example.org";
        associate = "store-" + data.tag + "@example.org";
        admin = "admin-" + data.tag + "@example.org";
    }

    @Test
    void cancellingAnOrderRecordsWhoWhatAndTheOrderBeforeAndAfter() throws Exception {
        OrderView order = data.webOrder();

        mvc.perform(post("/admin/orders/{id}/cancel", order.id().id())
                        .param("reason", "Customer asked by phone")
                        .param("password", "not to be kept")
                        .with(csrf())
                        .with(as(agent, "AGENT")))
                .andExpect(status().is3xxRedirection());

        StaffAudit.Entry entry = only(agent);
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.DONE);
        assertThat(entry.method()).isEqualTo("POST");
        assertThat(entry.route()).isEqualTo("/admin/orders/{id}/cancel");
        assertThat(entry.subjectType()).isEqualTo("order");
        assertThat(entry.subjectId()).isEqualTo(order.id().id().toString());
        assertThat(entry.fields()).containsEntry("reason", List.of("Customer asked by phone"));
        assertThat(entry.fields()).doesNotContainKeys("password", "_csrf");
        assertThat(entry.before().replace(" ", ""))
                .contains("\"status\":\"" + order.status().name() + "\"");
        assertThat(entry.after().replace(" ", "")).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    void anActionTheRoleMayNotDoIsRefusedWithAPageAndRecordedAsRefused() throws Exception {
        OrderView order = data.webOrder();

        mvc.perform(post("/admin/orders/{id}/cancel", order.id().id())
                        .param("reason", "Trying my luck")
                        .with(csrf())
                        .with(as(associate, "ASSOCIATE")))
                .andExpect(status().isForbidden());

        StaffAudit.Entry entry = only(associate);
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.REFUSED);
        assertThat(entry.subjectId()).isEqualTo(order.id().id().toString());
        assertThat(entry.fields()).containsEntry("reason", List.of("Trying my luck"));
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(order.status());
    }

    @Test
    void theRefusalIsTheConsolesTranslatedPageWithoutWhatTheRoleMayNotOpen() throws Exception {
        mvc.perform(get("/console/audit").with(as(agent, "AGENT")))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/access-denied"));
        // MockMvc does not follow forwards: the page it forwards to, as the servlet container serves it.
        mvc.perform(get("/access-denied").header("Accept-Language", "fr").with(as(agent, "AGENT")))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(allOf(
                                containsString("Votre rôle ne permet pas"),
                                not(containsString("Exception")),
                                containsString("href=\"/console/returns\""),
                                not(containsString("href=\"/console/audit\"")))));
    }

    @Test
    void anActionTheModuleRefusesIsRecordedAsRejected() throws Exception {
        OrderView order = data.webOrder();

        mvc.perform(post("/admin/orders/{id}/cancel", order.id().id())
                        .param("reason", " ")
                        .with(csrf())
                        .with(as(agent, "AGENT")))
                .andExpect(status().is3xxRedirection());

        StaffAudit.Entry entry = only(agent);
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.REJECTED);
        assertThat(entry.detail()).isNotBlank();
    }

    @Test
    void aReturnStepRecordsTheReturnBeforeAndAfter() throws Exception {
        ReturnView requested = awaitingApproval();

        mvc.perform(post("/console/returns/{id}/approve", requested.id().id())
                        .param("note", "Photo shows the fault")
                        .with(csrf())
                        .with(as(agent, "AGENT")))
                .andExpect(status().is3xxRedirection());

        StaffAudit.Entry entry = only(agent);
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.DONE);
        assertThat(entry.subjectType()).isEqualTo("return");
        assertThat(entry.subjectId()).isEqualTo(requested.id().id().toString());
        assertThat(entry.before().replace(" ", "")).contains("\"status\":\"REQUESTED\"");
        assertThat(entry.after().replace(" ", "")).doesNotContain("\"status\":\"REQUESTED\"");
    }

    @Test
    void theAuditPageIsForAdminsNewestFirstFilteredByStaffAndSubjectAndPaged() throws Exception {
        OrderView first = data.webOrder();
        OrderView second = data.webOrder();
        for (OrderView order : List.of(first, second)) {
            mvc.perform(post("/admin/orders/{id}/cancel", order.id().id())
                            .param("reason", "Duplicate " + order.number())
                            .with(csrf())
                            .with(as(agent, "AGENT")))
                    .andExpect(status().is3xxRedirection());
        }

        String page = mvc.perform(get("/console/audit").param("staff", agent).with(as(admin, "ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf(second.id().id().toString()))
                .as("newest first")
                .isLessThan(page.indexOf(first.id().id().toString()));

        mvc.perform(get("/console/audit")
                        .param("subject", first.id().id().toString())
                        .with(as(admin, "ADMIN")))
                .andExpect(content()
                        .string(allOf(
                                containsString(first.id().id().toString()),
                                not(containsString(second.id().id().toString())))));

        StaffAudit.Page newest = audit.search(agent, null, null, 1);
        assertThat(newest.entries()).hasSize(1);
        StaffAudit.Page older = audit.search(agent, null, newest.nextBefore(), 1);
        assertThat(older.entries().getFirst().subjectId())
                .isEqualTo(first.id().id().toString());
        assertThat(older.nextBefore()).isNull();
    }

    @Test
    void aPreviewPostedAsTheMerchantTypesIsNotAnAction() throws Exception {
        mvc.perform(post("/console/templates/delivered/SMS/fr/preview")
                        .param("body", "Votre colis est arrivé")
                        .with(csrf())
                        .with(as(admin, "ADMIN")))
                .andExpect(status().isOk());

        assertThat(audit.search(admin, null, null, 10).entries()).isEmpty();
    }

    private StaffAudit.Entry only(String staff) {
        List<StaffAudit.Entry> entries = audit.search(staff, null, null, 10).entries();
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private static RequestPostProcessor as(String email, String role) {
        return user(email).roles(role);
    }

    private ReturnView awaitingApproval() {
        OrderView order = data.delivered(data.webOrder());
        return returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        2,
                        "defective",
                        "It stopped working",
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
    }
}
