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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnPolicyRules;
import org.aftercart.returns.ReturnPolicySettings;
import org.aftercart.returns.ReturnReasonSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The return policy and reasons pages: a save applies and is audited with before/after, a form
 * with mistakes comes back with each one beside its field and writes nothing, a reset brings the
 * configured defaults back, and reasons are added, relabelled, moved and deactivated.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnSettingsConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReturnPolicySettings policies;

    @Autowired
    ReturnReasonSettings reasons;

    @Autowired
    StaffAudit audit;

    @Autowired
    JdbcClient jdbc;

    final String admin = "admin-" + UUID.randomUUID() + "@example.org";

    @AfterEach
    void backToTheConfiguredPolicy() {
        policies.reset();
    }

    @Test
    void anAdminSavesThePolicyAndCustomersSeeItAtOnce() throws Exception {
        ReturnPolicyRules before = policies.current();

        mvc.perform(post("/console/settings/return-policy")
                        .param("windowDays", "14")
                        .param("categories[0].category", "shoes")
                        .param("categories[0].days", "60")
                        .param("categories[1].category", "swimwear")
                        .param("categories[1].days", "7")
                        .param("categories[1].remove", "true")
                        .param("finalSaleSkus", "SALE-1\nSALE-2")
                        .param("allowedCountries", "gb, fr")
                        .param("autoApprove", "true")
                        .param("autoApproveUpTo", "250,50")
                        .param("storeCreditBonusPercent", "10")
                        .param("returnShippingCost", "")
                        .param("exchangeOutOfStock", "REFUND")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());

        ReturnPolicyRules saved = policies.current();
        assertThat(saved.window()).isEqualTo(Duration.ofDays(14));
        assertThat(saved.categoryWindows()).containsOnlyKeys("shoes");
        assertThat(saved.finalSaleSkus()).containsExactly("SALE-1", "SALE-2");
        assertThat(saved.allowedCountries()).containsExactly("FR", "GB");
        assertThat(saved.autoApproveUpTo()).isEqualByComparingTo("250.50");
        assertThat(saved.instantExchange()).as("unticked").isFalse();
        assertThat(saved.returnShippingCost()).isNull();
        assertThat(saved.exchangeOutOfStock()).isEqualTo(ReturnOutcome.REFUND);

        mvc.perform(get("/console/settings/return-policy").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Returns accepted within 14 days of delivery."),
                                containsString("shoes: returns accepted within 60 days"),
                                containsString("Only orders shipped to FR, GB can be returned."),
                                containsString("Reset to defaults"))));
        StaffAudit.Entry entry = audit.search(admin, null, null, 10).entries().getFirst();
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.DONE);
        assertThat(entry.subjectType()).isEqualTo("return-policy");
        assertThat(entry.before()).contains("\"allowedCountries\": []");
        assertThat(entry.after()).contains("\"allowedCountries\": [\"FR\", \"GB\"]");

        mvc.perform(post("/console/settings/return-policy/reset").with(csrf()).with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.current()).isEqualTo(before).isEqualTo(policies.defaults());
        assertThat(policies.effective().overridden()).isFalse();
    }

    @Test
    void aPolicyWithMistakesComesBackFieldByFieldAndWritesNothing() throws Exception {
        ReturnPolicyRules before = policies.current();

        mvc.perform(post("/console/settings/return-policy")
                        .param("windowDays", "-3")
                        .param("categories[0].category", "")
                        .param("categories[0].days", "20")
                        .param("allowedCountries", "GB, XX")
                        .param("autoApprove", "true")
                        .param("autoApproveUpTo", "a lot")
                        .param("storeCreditBonusPercent", "-5")
                        .param("exchangeOutOfStock", "EXCHANGE")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("The policy was not saved"),
                                containsString("id=\"windowDays-error\""),
                                containsString("id=\"categories-error\""),
                                containsString("id=\"allowedCountries-error\""),
                                containsString("id=\"autoApproveUpTo-error\""),
                                containsString("id=\"storeCreditBonusPercent-error\""),
                                containsString("id=\"exchangeOutOfStock-error\""),
                                not(containsString("id=\"returnShippingCost-error\"")),
                                containsString("value=\"a lot\""))));

        assertThat(policies.current()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from returns.policy")
                        .query(Long.class)
                        .single())
                .isZero();
        StaffAudit.Entry entry = audit.search(admin, null, null, 10).entries().getFirst();
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.REJECTED);
    }

    @Test
    void theFrenchPageSaysTheSameInFrench() throws Exception {
        mvc.perform(get("/console/settings/return-policy").param("lang", "fr").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Retours acceptés dans les 30 jours suivant la livraison.")));
    }

    @Test
    void anAdminAddsRelabelsMovesAndDeactivatesAReason() throws Exception {
        String code = "wrong-colour-" + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(post("/console/settings/return-reasons")
                        .param("code", code)
                        .param("parentCode", "")
                        .param("label-en", "Colour not as pictured")
                        .param("label-fr", "Couleur différente de la photo")
                        .param("requiresPhoto", "true")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(reasons.find(code).requiresPhoto()).isTrue();
        assertThat(reasons.find(code).labels()).containsEntry("fr", "Couleur différente de la photo");

        mvc.perform(post("/console/settings/return-reasons/{code}", code)
                        .param("label-en", "Colour differs from the picture")
                        .param("label-fr", "Couleur différente de la photo")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(reasons.find(code).labels()).containsEntry("en", "Colour differs from the picture");
        assertThat(reasons.find(code).requiresPhoto()).as("unticked").isFalse();

        int last = position(code);
        mvc.perform(post("/console/settings/return-reasons/{code}/move", code)
                        .param("direction", "up")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(position(code)).isEqualTo(last - 1);

        mvc.perform(post("/console/settings/return-reasons/{code}/deactivate", code)
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(reasons.find(code).active()).isFalse();
        mvc.perform(get("/console/settings/return-reasons").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Colour differs from the picture"),
                                containsString("/console/settings/return-reasons/" + code + "/reactivate"))));

        StaffAudit.Entry entry = audit.search(admin, code, null, 10).entries().getFirst();
        assertThat(entry.subjectType()).isEqualTo("return-reason");
        assertThat(entry.before()).contains("\"active\": true");
        assertThat(entry.after()).contains("\"active\": false");
    }

    @Test
    void aReasonWithABadCodeOrNoFrenchLabelIsNotAdded() throws Exception {
        int before = reasons.list().size();

        mvc.perform(post("/console/settings/return-reasons")
                        .param("code", "Too Big!")
                        .param("label-en", "Too big")
                        .param("label-fr", "")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"code-error\""),
                                containsString("id=\"label-fr-error\""),
                                not(containsString("id=\"label-en-error\"")),
                                containsString("value=\"Too Big!\""))));

        assertThat(reasons.list()).hasSize(before);
    }

    @Test
    void anUnknownReasonIsNotFound() throws Exception {
        mvc.perform(get("/console/settings/return-reasons/no-such-reason").with(asAdmin()))
                .andExpect(status().isNotFound());
    }

    private int position(String code) {
        var list = reasons.list().stream()
                .filter(entry -> entry.reason().parentCode() == null)
                .map(entry -> entry.reason().code())
                .toList();
        return list.indexOf(code);
    }

    private RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }
}
