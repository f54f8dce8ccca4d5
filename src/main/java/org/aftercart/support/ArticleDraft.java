package org.aftercart.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * An article as staff typed it, not yet checked. {@link #problems()} says what is wrong with it,
 * field by field, before anything is written.
 */
public record ArticleDraft(
        String slug,
        String language,
        String topic,
        String title,
        String body,
        @Nullable String situation,
        boolean published) {

    public static final int MAX_SLUG = 80;
    public static final int MAX_TITLE = 120;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_SITUATION = 40;

    /** Lower-case words of letters and digits joined by single hyphens: {@code my-parcel-is-late}. */
    static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ArticleDraft {
        slug = slug.strip();
        language = language.strip();
        topic = topic.strip();
        title = title.strip();
        situation = situation == null || situation.isBlank() ? null : situation.strip();
    }

    /** What is wrong, by field ({@code slug}, {@code title}, …), as a short code; empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (slug.isEmpty() || slug.length() > MAX_SLUG || !KEY.matcher(slug).matches()) {
            problems.put("slug", "format");
        }
        if (Languages.SUPPORTED.stream()
                .noneMatch(supported -> supported.getLanguage().equals(language))) {
            problems.put("language", "unknown");
        }
        if (HelpTopic.of(topic).isEmpty()) {
            problems.put("topic", "unknown");
        }
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.put("title", "length");
        }
        if (body.isBlank() || body.length() > MAX_BODY) {
            problems.put("body", "length");
        }
        if (situation != null
                && (situation.length() > MAX_SITUATION
                        || !KEY.matcher(situation).matches())) {
            problems.put("situation", "format");
        }
        return problems;
    }
}
