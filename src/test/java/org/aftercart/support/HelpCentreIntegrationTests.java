package org.aftercart.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The help centre against the real PostgreSQL: full-text search per language (stemming, accents,
 * ranking), the starter articles, safe Markdown, what customers may not see, and the checks on
 * what staff save.
 */
@SpringBootTest
class HelpCentreIntegrationTests {

    @Autowired
    HelpCentre help;

    @Autowired
    HelpArticles articles;

    @Autowired
    JdbcClient jdbc;

    /** A made-up word only this test's articles contain, so that other tests' articles never interfere. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String slug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" finds {2}")
    @CsvSource({
        "en, refunds, when-will-i-get-my-refund",
        "en, refunded, when-will-i-get-my-refund",
        "en, my parcel is late, my-parcel-is-late",
        "en, delays, my-parcel-is-late",
        "en, washing wool, caring-for-linen-and-wool",
        "en, gift card balance, store-credit-and-gift-cards",
        "en, \"start a return\", how-to-return-an-item",
        "en, cancel order, change-or-cancel-my-order",
        "fr, retours, comment-retourner-un-article",
        "fr, remboursement, quand-serai-je-rembourse",
        "fr, echange, echanger-un-article",
        "fr, ÉCHANGER, echanger-un-article",
        "fr, colis en retard, mon-colis-est-en-retard",
        "fr, laine, entretien-du-lin-et-de-la-laine",
        "fr, carte cadeau, avoirs-et-cartes-cadeaux",
        "fr, probleme livraison, un-probleme-de-livraison",
    })
    void theStarterArticlesAreFoundByWhatCustomersType(String language, String query, String slug) {
        List<HelpCentre.SearchHit> hits = help.search(query, Locale.forLanguageTag(language));

        assertThat(hits).extracting(hit -> hit.article().slug()).contains(slug);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.article().language()).isEqualTo(language));
    }

    @Test
    void aSearchStaysInItsLanguage() {
        assertThat(help.search("retours", Locale.ENGLISH))
                .extracting(hit -> hit.article().language())
                .doesNotContain("fr");
        assertThat(help.search("refund", Locale.FRENCH))
                .extracting(hit -> hit.article().slug())
                .doesNotContain("when-will-i-get-my-refund");
    }

    @Test
    void aMatchInTheTitleRanksAboveMatchesInTheBody() {
        String word = word();
        HelpArticle inBody = articles.create(new ArticleDraft(
                slug(),
                "en",
                "care",
                "Looking after things",
                "Some " + word + " and more " + word + " here.",
                null,
                true));
        HelpArticle inTitle = articles.create(
                new ArticleDraft(slug(), "en", "care", "All about " + word, "Nothing else to say.", null, true));

        assertThat(help.search(word, Locale.ENGLISH))
                .extracting(hit -> hit.article().id())
                .containsExactly(inTitle.id(), inBody.id());
    }

    @Test
    void snippetsAreEscapedButForTheHighlights() {
        String word = word();
        articles.create(new ArticleDraft(
                slug(), "en", "care", "Snippets", "Fish <b>bold</b> & chips < 3 **" + word + "** in it.", null, true));

        HelpCentre.SearchHit hit = help.search(word, Locale.ENGLISH).getFirst();

        assertThat(hit.snippetHtml())
                .contains("<mark>" + word + "</mark>")
                .contains("&amp; chips &lt; 3")
                .doesNotContain("<b>")
                .doesNotContain("**");
    }

    @Test
    void atMostTwentyResultsComeBack() {
        String word = word();
        for (int i = 0; i < 22; i++) {
            articles.create(new ArticleDraft(slug(), "fr", "care", "Article " + i, "Le mot " + word, null, true));
        }
        assertThat(help.search(word, Locale.FRENCH)).hasSize(HelpCentre.MAX_RESULTS);
    }

    @Test
    void blankAndOverlongQueriesAreRefused() {
        assertThatThrownBy(() -> help.search("   ", Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> help.search("x".repeat(HelpCentre.MAX_QUERY_LENGTH + 1), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(help.search("the and of", Locale.ENGLISH))
                .as("stop words only")
                .isEmpty();
        assertThat(help.search("\"unbalanced -( or:", Locale.ENGLISH))
                .as("web-search syntax never fails")
                .isEmpty();
    }

    @Test
    void markdownCannotInjectScriptOrDangerousLinks() {
        String html = articles.preview(
                """
                # Title <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                [click](javascript:alert(1)) [again](JaVaScRiPt:alert(2)) [data](data:text/html,hi)
                [tabbed](java\tscript:alert(3)) ![pic](javascript:alert(4))

                [fine](https://example.org/care) [mail](mailto:help@example.org) [here](/help/exchanges)
                """);

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img src=\"x\"")
                .doesNotContain("<img src=x")
                .doesNotContainIgnoringCase("href=\"javascript:")
                .doesNotContainIgnoringCase("src=\"javascript:")
                .doesNotContain("href=\"data:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<h2 id=\"h-title-alert1\">")
                .contains("rel=\"noopener noreferrer nofollow\" href=\"https://example.org/care\"")
                .contains("href=\"mailto:help@example.org\"")
                .contains("href=\"/help/exchanges\"");
    }

    @Test
    void headingsStartBelowThePageTitle() {
        assertThat(articles.preview("### Linen\n\n#### Washing"))
                .contains("<h2", "<h3")
                .doesNotContain("<h4");
        assertThat(articles.preview("# One\n\n## Two")).contains("<h2", "<h3").doesNotContain("<h1");
    }

    @Test
    void customersDoNotSeeUnpublishedArticles() {
        String word = word();
        String situation = "situation-" + word;
        HelpArticle draft = articles.create(
                new ArticleDraft(slug(), "en", "orders", "Draft " + word, "Body " + word, situation, false));

        assertThat(help.search(word, Locale.ENGLISH)).isEmpty();
        assertThat(help.article(draft.slug(), Locale.ENGLISH)).isEmpty();
        assertThat(help.articleFor(situation, Locale.ENGLISH)).isEmpty();
        assertThat(help.linkFor(situation, Locale.ENGLISH, "AC-1")).isEmpty();
        assertThat(help.topics(Locale.ENGLISH))
                .flatExtracting(HelpCentre.Topic::articles)
                .extracting(HelpArticle::id)
                .doesNotContain(draft.id());

        articles.publish(draft.id(), true);
        assertThat(help.search(word, Locale.ENGLISH))
                .extracting(hit -> hit.article().id())
                .containsExactly(draft.id());
        assertThat(help.articleFor(situation, Locale.ENGLISH)).contains("/help/" + draft.slug() + "?lang=en");

        articles.publish(draft.id(), false);
        assertThat(help.search(word, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void situationsLeadToTheArticleInTheReadersLanguage() {
        assertThat(help.articleFor("parcel-delayed", Locale.UK)).contains("/help/my-parcel-is-late?lang=en");
        assertThat(help.articleFor("parcel-delayed", Locale.CANADA_FRENCH))
                .contains("/help/mon-colis-est-en-retard?lang=fr");
        assertThat(help.articleFor("parcel-delayed", Locale.GERMAN))
                .as("falls back to English")
                .contains("/help/my-parcel-is-late?lang=en");
        assertThat(help.articleFor("no-such-situation", Locale.ENGLISH)).isEmpty();
        assertThat(help.linkFor("parcel-exception", Locale.FRENCH, "AC-100042"))
                .contains("/help/for/parcel-exception?lang=fr&order=AC-100042");
        assertThat(help.linkFor("parcel-exception", Locale.FRENCH, "<script>"))
                .as("only something that looks like an order number is passed on")
                .contains("/help/for/parcel-exception?lang=fr");
        for (String situation : List.of("return-window", "change-order", "refund-timing", "parcel-exception")) {
            assertThat(help.articleFor(situation, Locale.ENGLISH)).as(situation).isPresent();
            assertThat(help.articleFor(situation, Locale.FRENCH)).as(situation).isPresent();
        }
    }

    @Test
    void anArticleKnowsItsTranslations() {
        HelpArticle late = help.article("my-parcel-is-late", Locale.ENGLISH).orElseThrow();
        assertThat(help.translations(late))
                .containsEntry("en", "/help/my-parcel-is-late?lang=en")
                .containsEntry("fr", "/help/mon-colis-est-en-retard?lang=fr");
        assertThat(help.related(late))
                .extracting(HelpArticle::slug)
                .contains("where-is-my-parcel")
                .doesNotContain("my-parcel-is-late", "mon-colis-est-en-retard");
    }

    @Test
    void staffAreToldWhatIsWrongAndNothingIsWritten() {
        String taken = slug();
        articles.create(new ArticleDraft(taken, "en", "care", "Taken", "Body", null, false));
        long before = count();

        assertThatThrownBy(() -> articles.create(new ArticleDraft(
                        "Not A Slug!", "en", "gardening", "x".repeat(121), "", "Bad Situation", false)))
                .isInstanceOfSatisfying(InvalidArticle.class, e -> assertThat(e.problems())
                        .containsEntry("slug", "format")
                        .containsEntry("topic", "unknown")
                        .containsEntry("title", "length")
                        .containsEntry("body", "length")
                        .containsEntry("situation", "format"));
        assertThatThrownBy(() -> articles.create(new ArticleDraft(taken, "en", "care", "Again", "Body", null, false)))
                .isInstanceOfSatisfying(
                        InvalidArticle.class, e -> assertThat(e.problems()).containsEntry("slug", "taken"));
        assertThatThrownBy(() -> articles.create(
                        new ArticleDraft(slug(), "en", "care", "Late", "Body", "parcel-delayed", false)))
                .isInstanceOfSatisfying(
                        InvalidArticle.class, e -> assertThat(e.problems()).containsEntry("situation", "taken"));
        assertThatThrownBy(() -> articles.create(
                        new ArticleDraft(slug(), "de", "care", "Title", "x".repeat(20_001), null, false)))
                .isInstanceOfSatisfying(InvalidArticle.class, e -> assertThat(e.problems())
                        .containsEntry("language", "unknown")
                        .containsEntry("body", "length"));
        assertThat(count()).isEqualTo(before);

        HelpArticle french = articles.create(new ArticleDraft(taken, "fr", "care", "Pris", "Texte", null, false));
        assertThat(french.slug()).as("the same slug in another language").isEqualTo(taken);
    }

    @Test
    void anEditKeepsItsOwnSlugAndCannotTakeAnothers() {
        HelpArticle first = articles.create(new ArticleDraft(slug(), "en", "care", "First", "Body", null, false));
        HelpArticle second = articles.create(new ArticleDraft(slug(), "en", "care", "Second", "Body", null, false));

        HelpArticle edited = articles.update(
                first.id(), new ArticleDraft(first.slug(), "en", "returns", "First, edited", "New body", null, true));
        assertThat(edited.title()).isEqualTo("First, edited");
        assertThat(edited.topic()).isEqualTo(HelpTopic.RETURNS);
        assertThat(edited.published()).isTrue();

        assertThatThrownBy(() -> articles.update(
                        second.id(), new ArticleDraft(first.slug(), "en", "care", "Second", "Body", null, false)))
                .isInstanceOf(InvalidArticle.class);
        assertThatThrownBy(() -> articles.publish(UUID.randomUUID(), true)).isInstanceOf(ArticleNotFound.class);
    }

    private long count() {
        return jdbc.sql("select count(*) from support.articles")
                .query(Long.class)
                .single();
    }
}
