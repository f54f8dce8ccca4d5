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

import java.util.UUID;
import org.aftercart.platform.ApiKeys;
import org.aftercart.platform.StaffAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** API keys in the console: shown once, stored hashed, usable at once, refused once revoked. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiKeySettingsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    @Autowired
    StaffAudit audit;

    @Autowired
    JdbcClient jdbc;

    final String admin = "admin-" + UUID.randomUUID() + "@example.org";

    @Test
    void aNewKeyIsShownOnceWorksAtOnceAndIsRefusedOnceRevoked() throws Exception {
        String label = "POS " + UUID.randomUUID();
        MvcResult created = mvc.perform(post("/console/settings/api-keys")
                        .param("label", label)
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String key = (String) created.getFlashMap().get(ApiKeyAdminController.NEW_KEY);
        assertThat(key).startsWith("ak_");

        // Shown on the page the creation leads to, and on no other visit.
        mvc.perform(get("/console/settings/api-keys")
                        .flashAttrs(created.getFlashMap())
                        .with(asAdmin()))
                .andExpect(content().string(allOf(containsString(key), containsString("shown this once"))));
        mvc.perform(get("/console/settings/api-keys").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(label), not(containsString(key)))));
        assertThat(jdbc.sql("select count(*) from platform.api_keys where key_hash = ? or label = ? and key_hash = ?")
                        .params(key, label, key)
                        .query(Integer.class)
                        .single())
                .as("the key itself is not stored")
                .isZero();

        mvc.perform(get("/api/v1/variants").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk());
        ApiKeys.ApiKeyView listed = keys.list().stream()
                .filter(view -> view.label().equals(label))
                .findFirst()
                .orElseThrow();
        assertThat(listed.lastUsedAt()).isNotNull();
        assertThat(listed.createdBy()).isEqualTo(admin);

        mvc.perform(post("/console/settings/api-keys/{id}/revoke", listed.id())
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/variants").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
        assertThat(keys.find(listed.id()).orElseThrow().revoked()).isTrue();

        StaffAudit.Entry revoked = audit.search(admin, null, null, 10).entries().getFirst();
        assertThat(revoked.route()).isEqualTo("/console/settings/api-keys/{id}/revoke");
        assertThat(revoked.subjectId()).isEqualTo(String.valueOf(listed.id()));
        assertThat(revoked.after()).contains("revokedAt");
        StaffAudit.Entry issued = audit.search(admin, null, null, 10).entries().getLast();
        assertThat(issued.subjectType()).isEqualTo("api-key");
        assertThat(issued.after()).doesNotContain(key);
    }

    @Test
    void onlyAdminsManageKeys() throws Exception {
        for (String role : new String[] {"AGENT", "ASSOCIATE", "ANALYST"}) {
            mvc.perform(get("/console/settings/api-keys")
                            .with(user("someone@example.org").roles(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/settings/api-keys")
                            .param("label", "sneaky")
                            .with(csrf())
                            .with(user("someone@example.org").roles(role)))
                    .andExpect(status().isForbidden());
        }
        assertThat(keys.list()).noneMatch(key -> key.label().equals("sneaky"));
    }

    private RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }
}
