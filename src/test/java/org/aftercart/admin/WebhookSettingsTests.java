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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.aftercart.notifications.WebhookDestinationSettings;
import org.aftercart.platform.StaffAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Webhook destinations in the console, with the API's address checks (private networks refused). */
@SpringBootTest(properties = "aftercart.notifications.webhooks.allow-private-addresses=false")
@AutoConfigureMockMvc
class WebhookSettingsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WebhookDestinationSettings webhooks;

    @Autowired
    StaffAudit audit;

    final String admin = "admin-" + UUID.randomUUID() + "@example.org";

    @Test
    void anAdminAddsADestinationSeesItsSecretOnceAndDisablesIt() throws Exception {
        String url = "https://93.184.216.34/hooks/" + UUID.randomUUID();
        MvcResult added = mvc.perform(post("/console/settings/webhooks")
                        .param("url", url)
                        .param("description", "ERP")
                        .param("eventTypes", webhooks.eventTypes().getFirst())
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String secret = (String) added.getFlashMap().get(WebhookAdminController.NEW_SECRET);
        assertThat(secret).startsWith("whsec_");
        WebhookDestinationSettings.Destination destination = webhooks.list().stream()
                .filter(d -> d.url().equals(url))
                .findFirst()
                .orElseThrow();
        assertThat(destination.eventTypes())
                .containsExactly(webhooks.eventTypes().getFirst());

        mvc.perform(get("/console/settings/webhooks").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(url), not(containsString(secret)))));

        mvc.perform(post("/console/settings/webhooks/{id}/disable", destination.id())
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        assertThat(webhooks.list().stream()
                        .filter(d -> d.url().equals(url))
                        .findFirst()
                        .orElseThrow()
                        .enabled())
                .isFalse();

        StaffAudit.Entry disabled =
                audit.search(admin, null, null, 10).entries().getFirst();
        assertThat(disabled.subjectType()).isEqualTo("webhook");
        assertThat(disabled.subjectId()).isEqualTo(destination.id().toString());
        assertThat(disabled.outcome()).isEqualTo(StaffAudit.Outcome.DONE);
    }

    @Test
    void anAddressInsideThePrivateNetworkIsRefusedAndRecordedAsRejected() throws Exception {
        String url = "http://127.0.0.1:5432/" + UUID.randomUUID();
        mvc.perform(post("/console/settings/webhooks")
                        .param("url", url)
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.hasToString(containsString("ERROR"))));
        assertThat(webhooks.list()).noneMatch(d -> d.url().equals(url));
        StaffAudit.Entry entry = audit.search(admin, null, null, 10).entries().getFirst();
        assertThat(entry.outcome()).isEqualTo(StaffAudit.Outcome.REJECTED);
        assertThat(entry.detail()).contains("private network");
    }

    @Test
    void onlyAdminsManageWebhooks() throws Exception {
        mvc.perform(get("/console/settings/webhooks")
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isForbidden());
    }

    private RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }
}
