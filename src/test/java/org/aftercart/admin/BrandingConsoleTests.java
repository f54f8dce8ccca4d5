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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.StaffAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The branding settings page: a saved brand reaches the customers' style sheet, pages and their
 * Content-Security-Policy at once; a wrong field is named on the form and nothing is written; both
 * audited with before and after.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BrandingConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BrandingSettings branding;

    @Autowired
    StaffAudit audit;

    @Autowired
    JdbcClient jdbc;

    final String admin = "admin-" + UUID.randomUUID() + "@example.org";

    @AfterEach
    void backToTheConfiguration() {
        branding.reset();
    }

    @Test
    void aSavedBrandReachesTheStyleSheetThePagesAndTheirPolicyAtOnceAndIsAudited() throws Exception {
        String defaultVersion = branding.current().stylesheetVersion();
        mvc.perform(get("/console/settings/branding").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"Aftercart Demo Shop\""),
                                containsString("type=\"color\" id=\"primary-colour\" name=\"primary-colour\""),
                                containsString("value=\"#0f766e\""))));

        mvc.perform(maisonLune(post("/console/settings/branding")).with(csrf()).with(asAdmin()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/settings/branding"));

        mvc.perform(get("/css/brand.css"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("--brand-primary: #7c2d12;"),
                                containsString("--brand-on-primary: #ffffff;"),
                                containsString("--brand-background: #fffbeb;"),
                                containsString("--brand-font: Georgia, serif;"))));
        mvc.perform(get("/help").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                containsString("img-src 'self' data: https://cdn.example.org;")))
                .andExpect(content()
                        .string(allOf(
                                containsString("src=\"https://cdn.example.org/lune.svg\""),
                                containsString("alt=\"Maison Lune\""),
                                containsString(
                                        "/css/brand.css?v=" + branding.current().stylesheetVersion()),
                                not(containsString("/css/brand.css?v=" + defaultVersion)))));

        StaffAudit.Entry saved = audit.search(admin, null, null, 1).entries().getFirst();
        assertThat(saved.outcome()).isEqualTo(StaffAudit.Outcome.DONE);
        assertThat(saved.subjectType()).isEqualTo("branding");
        assertThat(saved.before()).contains("\"shopName\": \"Aftercart Demo Shop\"");
        assertThat(saved.after()).contains("\"shopName\": \"Maison Lune\"", "\"primaryColour\": \"#7c2d12\"");

        mvc.perform(post("/console/settings/branding/reset").with(csrf()).with(asAdmin()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/css/brand.css")).andExpect(content().string(containsString("--brand-primary: #0f766e;")));
        mvc.perform(get("/help"))
                .andExpect(header().string("Content-Security-Policy", not(containsString("cdn.example.org"))));
        StaffAudit.Entry reset = audit.search(admin, null, null, 1).entries().getFirst();
        assertThat(reset.before()).contains("Maison Lune");
        assertThat(reset.after()).contains("Aftercart Demo Shop");
    }

    @Test
    void wrongFieldsAreNamedOnTheFormAndNothingIsWritten() throws Exception {
        mvc.perform(post("/console/settings/branding")
                        .param("shop-name", " ")
                        .param("logo-url", "javascript:alert(1)")
                        .param("primary-colour", "red")
                        .param("accent-colour", "#1e1b4b")
                        .param("background-colour", "#fffbeb")
                        .param("font-family", "Georgia; } body { display: none")
                        .param("greeting.en", "x".repeat(201))
                        .param("greeting.fr", "")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("The brand was not saved"),
                                containsString("id=\"shop-name-error\""),
                                containsString("Enter a name of at most 100 characters."),
                                containsString("id=\"logo-url-error\""),
                                containsString("id=\"primary-colour-error\""),
                                containsString("id=\"font-family-error\""),
                                containsString("id=\"greeting-en-error\""),
                                not(containsString("id=\"accent-colour-error\"")),
                                containsString("value=\"javascript:alert(1)\""))));

        assertThat(jdbc.sql("select count(*) from platform.branding")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(branding.current()).isEqualTo(branding.defaults());
        StaffAudit.Entry refused = audit.search(admin, null, null, 1).entries().getFirst();
        assertThat(refused.outcome()).isEqualTo(StaffAudit.Outcome.REJECTED);
        assertThat(refused.after()).isNull();
    }

    @Test
    void thePreviewFollowsTheDraftWithoutSavingIt() throws Exception {
        mvc.perform(maisonLune(post("/console/settings/branding/preview"))
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"brand-preview\""),
                                containsString("preview.css?primary=%237c2d12&amp;accent=%231e1b4b"),
                                containsString("Bonjour Jo !"))));
        assertThat(branding.saved()).isEmpty();

        mvc.perform(get("/console/settings/branding/preview.css")
                        .param("primary", "#7c2d12")
                        .param("accent", "#1e1b4b")
                        .param("background", "#fffbeb")
                        .param("font", "Georgia, serif")
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(".brand-preview {"), containsString("--brand-primary: #7c2d12;"))));
        mvc.perform(get("/console/settings/branding/preview.css")
                        .param("primary", "red;} body{display:none")
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("--brand-primary: #0f766e;"), not(containsString("display")))));
    }

    @Test
    void aWrongFieldLeavesTheRestOfTheDraftInThePreview() throws Exception {
        mvc.perform(post("/console/settings/branding/preview")
                        .param("shop-name", "Maison Lune")
                        .param("logo-url", "")
                        .param("primary-colour", "red")
                        .param("accent-colour", "#1e1b4b")
                        .param("background-colour", "#fffbeb")
                        .param("font-family", "Georgia, serif")
                        .param("greeting.en", "")
                        .param("greeting.fr", "Bonjour {0} !")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(">Maison Lune</span>"),
                                containsString("preview.css?primary=%230f766e&amp;accent=%231e1b4b"),
                                containsString("Bonjour Jo !"))));
    }

    @Test
    void onlyAdminsChangeTheBrand() throws Exception {
        mvc.perform(get("/console/settings/branding")
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(maisonLune(post("/console/settings/branding"))
                        .with(csrf())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isForbidden());
        assertThat(branding.saved()).isEmpty();
    }

    private static MockHttpServletRequestBuilder maisonLune(MockHttpServletRequestBuilder request) {
        return request.param("shop-name", "Maison Lune")
                .param("logo-url", "https://cdn.example.org/lune.svg")
                .param("primary-colour", "#7c2d12")
                .param("accent-colour", "#1e1b4b")
                .param("background-colour", "#fffbeb")
                .param("font-family", "Georgia, serif")
                .param("greeting.en", "")
                .param("greeting.fr", "Bonjour {0} !");
    }

    private RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }
}
