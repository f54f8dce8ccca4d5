package org.aftercart.support;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The help centre as customers read it: published articles only, in the page's language. Other
 * modules link to the article that fits the customer's situation with {@link #articleFor} or, in
 * messages that outlive an article's address, {@link #linkFor}.
 */
@Service
public class HelpCentre {

    /** Longer queries are refused: nobody types them, and they only cost the database. */
    public static final int MAX_QUERY_LENGTH = 200;

    public static final int MAX_RESULTS = 20;

    private static final int MAX_RELATED = 5;

    /** What an order number shown on a help page may look like: {@code AC-100042}. */
    private static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private final ArticleStore store;
    private final Markdown markdown;

    HelpCentre(ArticleStore store, Markdown markdown) {
        this.store = store;
        this.markdown = markdown;
    }

    /** A topic and its published articles. */
    public record Topic(HelpTopic topic, List<HelpArticle> articles) {}

    /** A search result: the article and a snippet of HTML, escaped but for {@code <mark>} around matches. */
    public record SearchHit(HelpArticle article, String snippetHtml) {}

    /**
     * The address of the published article for a situation ({@code parcel-delayed}, {@code
     * return-window}, {@code refund-timing}, {@code change-order}, …) in the language, e.g. {@code
     * /help/my-parcel-is-late?lang=en}; empty when the shop has none.
     */
    public Optional<String> articleFor(String situation, Locale locale) {
        return store.publishedFor(language(locale), situation).map(HelpArticle::path);
    }

    /**
     * A lasting address for a situation, for e-mails: {@code /help/for/{situation}?lang=…&order=…}
     * leads to whichever article fits when it is opened, showing the order number given here; empty
     * when the shop has no article for the situation.
     */
    public Optional<String> linkFor(String situation, Locale locale, @Nullable String orderNumber) {
        String language = language(locale);
        if (store.publishedFor(language, situation).isEmpty()) {
            return Optional.empty();
        }
        var link = UriComponentsBuilder.fromPath("/help/for/{situation}").queryParam("lang", language);
        if (orderNumber != null && isOrderNumber(orderNumber)) {
            link.queryParam("order", orderNumber);
        }
        return Optional.of(link.buildAndExpand(situation).encode().toUriString());
    }

    /** Whether text may be shown as the order number a help page is about. */
    public static boolean isOrderNumber(String text) {
        return ORDER_NUMBER.matcher(text).matches();
    }

    /** Every topic that has published articles, with them, in the fixed order of topics. */
    public List<Topic> topics(Locale locale) {
        Map<HelpTopic, List<HelpArticle>> byTopic = new EnumMap<>(HelpTopic.class);
        for (HelpArticle article : store.published(language(locale))) {
            byTopic.computeIfAbsent(article.topic(), topic -> new ArrayList<>()).add(article);
        }
        return byTopic.entrySet().stream()
                .map(entry -> new Topic(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
    }

    public Optional<HelpArticle> article(String slug, Locale locale) {
        return store.published(language(locale), slug);
    }

    /** The article for a situation, to open it from a lasting link. */
    public Optional<HelpArticle> articleForSituation(String situation, Locale locale) {
        return store.publishedFor(language(locale), situation);
    }

    /** Other published articles of the same topic and language. */
    public List<HelpArticle> related(HelpArticle article) {
        return store.published(article.language()).stream()
                .filter(other -> other.topic() == article.topic() && !other.id().equals(article.id()))
                .limit(MAX_RELATED)
                .toList();
    }

    /**
     * The article's address in each language: the same slug, else the same situation; a language
     * without a translation is left out.
     */
    public Map<String, String> translations(HelpArticle article) {
        Map<String, String> translations = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            String code = language.getLanguage();
            store.published(code, article.slug())
                    .or(() -> article.situation() == null
                            ? Optional.empty()
                            : store.publishedFor(code, article.situation()))
                    .ifPresent(translation -> translations.put(code, translation.path()));
        }
        return translations;
    }

    /**
     * The published articles matching the query in the language, best first, at most {@link
     * #MAX_RESULTS}. The query is read like a web search: words, "quoted phrases", -excluded words.
     *
     * @throws IllegalArgumentException when the query is blank or longer than {@link #MAX_QUERY_LENGTH}
     */
    public List<SearchHit> search(String query, Locale locale) {
        String text = query.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("A search needs 1 to " + MAX_QUERY_LENGTH + " characters");
        }
        return store.search(language(locale), text, MAX_RESULTS).stream()
                .map(hit -> new SearchHit(hit.article(), snippet(hit.snippet())))
                .toList();
    }

    /** The article's Markdown as HTML safe to put in a page. */
    public String html(HelpArticle article) {
        return markdown.html(article.body());
    }

    /** Markdown marks are dropped, everything escaped, then the matched words wrapped in {@code <mark>}. */
    static String snippet(String headline) {
        String plain = headline.replaceAll("[*_#>`]+", "")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\s+", " ")
                .strip();
        return HtmlUtils.htmlEscape(plain)
                .replace(String.valueOf(ArticleStore.MATCH_START), "<mark>")
                .replace(String.valueOf(ArticleStore.MATCH_END), "</mark>");
    }

    static String language(Locale locale) {
        return Languages.orFallback(locale).getLanguage();
    }
}
