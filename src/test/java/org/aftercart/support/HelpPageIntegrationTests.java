package org.aftercart.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The help centre over HTTP: public pages without a sign-in, their refusals, lasting links by
 * situation, and the console's editor for staff only.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S") // shares the page tests' context
@AutoConfigureMockMvc
class HelpPageIntegrationTests {

    private static final RequestPostProcessor AGENT = user("agent@example.org").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    HelpArticles articles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHomePageListsTopicsInTheAskedLanguageUnderItsOwnPolicy() throws Exception {
        mvc.perform(get("/help").header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(Matchers.containsString("Comment pouvons-nous vous aider")))
                .andExpect(content().string(Matchers.containsString("Retours")))
                .andExpect(content().string(Matchers.containsString("/help/mon-colis-est-en-retard")));
        mvc.perform(get("/help").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("How can we help?")))
                .andExpect(content().string(Matchers.containsString("Shipping and delivery")));
    }

    @Test
    void aSearchShowsRankedResultsWithHighlightsOrSaysWhatToDoInstead() throws Exception {
        mvc.perform(get("/help/search").param("q", "refunds").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("When will I get my refund?")))
                .andExpect(content().string(Matchers.containsString("<mark>")));
        mvc.perform(get("/help/search").param("q", "retours").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Comment retourner un article")));
        mvc.perform(get("/help/search").param("q", "  ").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Type a few words")));
        mvc.perform(get("/help/search").param("q", "x".repeat(201)).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Your search is too long")));
        mvc.perform(get("/help/search").param("q", "xylophone").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No article matches")))
                .andExpect(content().string(Matchers.containsString("/help/where-is-my-parcel")));
        mvc.perform(get("/help/search").param("q", "<script>alert(1)</script>").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
    }

    @Test
    void anArticleShowsItsTextBreadcrumbsAndRelatedArticles() throws Exception {
        mvc.perform(get("/help/my-parcel-is-late").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString("<h1 id=\"article-heading\">My parcel is late</h1>")))
                .andExpect(content().string(Matchers.containsString("<h2 id=\"h-what-we-do\">What we do</h2>")))
                .andExpect(content().string(Matchers.containsString("Related articles")))
                .andExpect(content().string(Matchers.containsString("/help/where-is-my-parcel")))
                .andExpect(content().string(Matchers.containsString("/help/mon-colis-est-en-retard?lang=fr")));
    }

    @Test
    void unknownAndUnpublishedArticlesAreNotFound() throws Exception {
        HelpArticle draft = articles.create(new ArticleDraft(
                "draft-" + UUID.randomUUID().toString().substring(0, 8), "en", "care", "Secret", "Body", null, false));

        mvc.perform(get("/help/" + draft.slug()).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("We cannot find this article")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Secret"))));
        mvc.perform(get("/help/no-such-article").param("lang", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Nous ne trouvons pas cet article")));
    }

    @Test
    void aSituationLinkLeadsToTheFittingArticleAboutTheOrder() throws Exception {
        mvc.perform(get("/help/for/parcel-delayed").param("lang", "en").param("order", "AC-100042"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/help/my-parcel-is-late?lang=en&order=AC-100042"));
        mvc.perform(get("/help/my-parcel-is-late").param("lang", "en").param("order", "AC-100042"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("About your order AC-100042")));
        mvc.perform(get("/help/for/parcel-delayed").param("lang", "fr").param("order", "AC-100042"))
                .andExpect(header().string("Location", "/help/mon-colis-est-en-retard?lang=fr&order=AC-100042"));
        mvc.perform(get("/help/for/parcel-delayed").param("lang", "en").param("order", "<b>x</b>"))
                .andExpect(header().string("Location", "/help/my-parcel-is-late?lang=en"));
        mvc.perform(get("/help/my-parcel-is-late").param("lang", "en").param("order", "\"><script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("About your order"))));
        mvc.perform(get("/help/for/no-such-situation").param("order", "AC-1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/help"));
    }

    @Test
    void anonymousVisitorsCannotReachTheConsole() throws Exception {
        mvc.perform(get("/console/help")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console/help/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/console/help").with(csrf()).param("slug", "sneaky")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void staffCreateEditPreviewAndPublishArticles() throws Exception {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/console/help").param("language", "fr").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Comment retourner un article")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("How to return an item"))));

        mvc.perform(post("/console/help")
                        .with(AGENT)
                        .with(csrf())
                        .param("preview", "true")
                        .param("title", "Linen")
                        .param("body", "## Washing <script>x</script>")
                        .param("slug", slug))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(Matchers.containsString("<h2 id=\"h-washing-x\">")));

        var created = mvc.perform(post("/console/help")
                        .with(AGENT)
                        .with(csrf())
                        .param("slug", slug)
                        .param("language", "en")
                        .param("topic", "care")
                        .param("title", "Caring for silk")
                        .param("body", "Cold water only."))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/console/help/");
        UUID id = UUID.fromString(location.substring("/console/help/".length()));
        assertThat(articles.find(id)).get().extracting(HelpArticle::published).isEqualTo(false);

        mvc.perform(post(location + "/publish").with(AGENT).with(csrf())).andExpect(redirectedUrl(location));
        mvc.perform(get("/help/" + slug).param("lang", "en")).andExpect(status().isOk());
        mvc.perform(post(location + "/unpublish").with(AGENT).with(csrf())).andExpect(redirectedUrl(location));
        mvc.perform(get("/help/" + slug).param("lang", "en")).andExpect(status().isNotFound());
        mvc.perform(post(location + "/publish").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void theConsoleShowsWhatIsWrongNextToEachFieldAndSavesNothing() throws Exception {
        long before = count();
        mvc.perform(post("/console/help")
                        .with(AGENT)
                        .with(csrf())
                        .param("lang", "en")
                        .param("slug", "Bad Slug")
                        .param("language", "en")
                        .param("topic", "gardening")
                        .param("title", "x".repeat(121))
                        .param("body", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("The article was not saved")))
                .andExpect(content().string(Matchers.containsString("id=\"slug-error\"")))
                .andExpect(
                        content().string(Matchers.containsString("Use lower-case letters, digits and single hyphens")))
                .andExpect(content().string(Matchers.containsString("Choose one of the topics.")))
                .andExpect(content().string(Matchers.containsString("Give a title of 1 to 120 characters.")))
                .andExpect(content().string(Matchers.containsString("Write a text of 1 to 20,000 characters.")))
                .andExpect(content().string(Matchers.containsString("value=\"Bad Slug\"")));
        mvc.perform(post("/console/help")
                        .with(AGENT)
                        .with(csrf())
                        .param("lang", "fr")
                        .param("slug", "how-to-return-an-item")
                        .param("language", "en")
                        .param("topic", "returns")
                        .param("title", "Returns again")
                        .param("body", "Text"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("a d\u00e9j\u00e0 cette adresse")));
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from support.articles")
                .query(Long.class)
                .single();
    }
}
