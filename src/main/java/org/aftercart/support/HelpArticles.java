package org.aftercart.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The help centre as staff edit it: every article, published or not, checked before it is written. */
@Service
public class HelpArticles {

    private final ArticleStore store;
    private final Markdown markdown;

    HelpArticles(ArticleStore store, Markdown markdown) {
        this.store = store;
        this.markdown = markdown;
    }

    /** Articles in a language and topic (either may be {@code null} for all), by language, topic, title. */
    public List<HelpArticle> list(@Nullable String language, @Nullable HelpTopic topic) {
        return store.list(language, topic);
    }

    public Optional<HelpArticle> find(UUID id) {
        return store.find(id);
    }

    /** @throws InvalidArticle naming each field that is wrong; nothing is written then */
    @Transactional
    public HelpArticle create(ArticleDraft draft) {
        check(draft, null);
        UUID id = UUID.randomUUID();
        try {
            store.insert(id, draft);
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        return store.find(id).orElseThrow();
    }

    /**
     * @throws InvalidArticle naming each field that is wrong; nothing is written then
     * @throws ArticleNotFound when there is no such article
     */
    @Transactional
    public HelpArticle update(UUID id, ArticleDraft draft) {
        check(draft, id);
        try {
            if (!store.update(id, draft)) {
                throw new ArticleNotFound(id);
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        return store.find(id).orElseThrow();
    }

    /** @throws ArticleNotFound when there is no such article */
    @Transactional
    public void publish(UUID id, boolean published) {
        if (!store.publish(id, published)) {
            throw new ArticleNotFound(id);
        }
    }

    /** Markdown as the public page will show it. */
    public String preview(String body) {
        return markdown.html(body);
    }

    private void check(ArticleDraft draft, @Nullable UUID id) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        if (!problems.containsKey("slug")
                && !problems.containsKey("language")
                && store.slugTaken(draft.language(), draft.slug(), id)) {
            problems.put("slug", "taken");
        }
        if (draft.situation() != null
                && !problems.containsKey("situation")
                && !problems.containsKey("language")
                && store.situationTaken(draft.language(), draft.situation(), id)) {
            problems.put("situation", "taken");
        }
        if (!problems.isEmpty()) {
            throw new InvalidArticle(problems);
        }
    }

    /** Someone saved the same slug or situation at the same moment. */
    private static InvalidArticle duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        return new InvalidArticle(Map.of(message.contains("situation") ? "situation" : "slug", "taken"));
    }
}
