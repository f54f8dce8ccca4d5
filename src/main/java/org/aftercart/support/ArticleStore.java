package org.aftercart.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The articles table, {@code support.articles}: plain SQL, the search included. */
@Repository
class ArticleStore {

    private static final String COLUMNS = "id, slug, language, topic, title, body, situation, published, updated_at";

    /** The text search configuration of each article language (see V1__support.sql). */
    private static final Map<String, String> SEARCH_CONFIGURATIONS =
            Map.of("en", "support.english_unaccented", "fr", "support.french_unaccented");

    /** Marks around matched words in snippets, replaced by {@code <mark>} once the rest is escaped. */
    static final char MATCH_START = '\u0002';

    static final char MATCH_END = '\u0003';

    private static final RowMapper<HelpArticle> ARTICLE = ArticleStore::article;

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Hit(HelpArticle article, String snippet) {}

    Optional<HelpArticle> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from support.articles where id = :id")
                .param("id", id)
                .query(ARTICLE)
                .optional();
    }

    Optional<HelpArticle> published(String language, String slug) {
        return jdbc.sql("select " + COLUMNS
                        + " from support.articles where language = :language and slug = :slug and published")
                .param("language", language)
                .param("slug", slug)
                .query(ARTICLE)
                .optional();
    }

    Optional<HelpArticle> publishedFor(String language, String situation) {
        return jdbc.sql("select " + COLUMNS
                        + " from support.articles where language = :language and situation = :situation and published")
                .param("language", language)
                .param("situation", situation)
                .query(ARTICLE)
                .optional();
    }

    List<HelpArticle> published(String language) {
        return jdbc.sql("select " + COLUMNS
                        + " from support.articles where language = :language and published order by title")
                .param("language", language)
                .query(ARTICLE)
                .list();
    }

    List<HelpArticle> list(@Nullable String language, @Nullable HelpTopic topic) {
        return jdbc.sql("select " + COLUMNS + " from support.articles"
                        + " where (cast(:language as text) is null or language = :language)"
                        + " and (cast(:topic as text) is null or topic = :topic)"
                        + " order by language, topic, title")
                .param("language", language)
                .param("topic", topic == null ? null : topic.key())
                .query(ARTICLE)
                .list();
    }

    boolean slugTaken(String language, String slug, @Nullable UUID except) {
        return taken("slug", language, slug, except);
    }

    boolean situationTaken(String language, String situation, @Nullable UUID except) {
        return taken("situation", language, situation, except);
    }

    private boolean taken(String column, String language, String value, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from support.articles where language = :language and " + column
                        + " = :value and (cast(:except as uuid) is null or id <> :except))")
                .param("language", language)
                .param("value", value)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    void insert(UUID id, ArticleDraft draft) {
        jdbc.sql(
                        """
                        insert into support.articles (id, slug, language, topic, title, body, situation, published)
                        values (:id, :slug, :language, :topic, :title, :body, :situation, :published)
                        """)
                .param("id", id)
                .params(fields(draft))
                .update();
    }

    boolean update(UUID id, ArticleDraft draft) {
        return jdbc.sql(
                                """
                        update support.articles
                        set slug = :slug, language = :language, topic = :topic, title = :title, body = :body,
                            situation = :situation, published = :published, updated_at = now()
                        where id = :id
                        """)
                        .param("id", id)
                        .params(fields(draft))
                        .update()
                > 0;
    }

    boolean publish(UUID id, boolean published) {
        return jdbc.sql("update support.articles set published = :published, updated_at = now() where id = :id")
                        .param("id", id)
                        .param("published", published)
                        .update()
                > 0;
    }

    /**
     * Published articles in the language matching the query, best first: words in the title weigh
     * more than words in the body. Each comes with a snippet of its body around the matched words,
     * the words between {@link #MATCH_START} and {@link #MATCH_END}.
     */
    List<Hit> search(String language, String query, int limit) {
        String options = "StartSel=" + MATCH_START + ", StopSel=" + MATCH_END
                + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        return jdbc.sql(
                        """
                        with q as (select websearch_to_tsquery(cast(:configuration as regconfig), :query) as query)
                        select a.id, a.slug, a.language, a.topic, a.title, a.body, a.situation, a.published,
                               a.updated_at,
                               ts_headline(cast(:configuration as regconfig), a.body, q.query, :options) as snippet
                        from support.articles a, q
                        where a.language = :language and a.published and a.search @@ q.query
                        order by ts_rank(a.search, q.query) desc, a.title
                        limit :limit
                        """)
                .param("configuration", SEARCH_CONFIGURATIONS.get(language))
                .param("query", query)
                .param("options", options)
                .param("language", language)
                .param("limit", limit)
                .query((row, number) -> new Hit(article(row, number), row.getString("snippet")))
                .list();
    }

    private static Map<String, Object> fields(ArticleDraft draft) {
        var fields = new java.util.HashMap<String, Object>();
        fields.put("slug", draft.slug());
        fields.put("language", draft.language());
        fields.put("topic", draft.topic());
        fields.put("title", draft.title());
        fields.put("body", draft.body());
        fields.put("situation", draft.situation());
        fields.put("published", draft.published());
        return fields;
    }

    private static HelpArticle article(ResultSet row, int number) throws SQLException {
        return new HelpArticle(
                row.getObject("id", UUID.class),
                row.getString("slug"),
                row.getString("language"),
                HelpTopic.of(row.getString("topic")).orElseThrow(),
                row.getString("title"),
                row.getString("body"),
                row.getString("situation"),
                row.getBoolean("published"),
                row.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
    }
}
