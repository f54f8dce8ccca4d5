package org.aftercart.support;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A help-centre article in one language.
 *
 * @param body Markdown, rendered safely by {@link HelpCentre#html}
 * @param situation the moment of the customer's journey the article answers ({@code parcel-delayed},
 *     {@code return-window}, …); it also ties the article's translations together
 */
public record HelpArticle(
        UUID id,
        String slug,
        String language,
        HelpTopic topic,
        String title,
        String body,
        @Nullable String situation,
        boolean published,
        Instant updatedAt) {

    /** Its public page, in its language. */
    public String path() {
        return "/help/" + slug + "?lang=" + language;
    }
}
