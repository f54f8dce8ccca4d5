package org.aftercart.admin;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Console text in the reader's language, including refusals the modules report as problems. */
@Component
class ConsoleText {

    private final MessageSource messages;

    ConsoleText(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The text of the key, or {@code fallback} when the bundles do not have it (a merchant's own code). */
    String getOrCode(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    /**
     * A refusal as a person reads it: the problem's title in the reader's language (by its type, with
     * the module's own title as the fallback), then what the module said about this case.
     */
    String problem(ErrorResponseException problem) {
        var body = problem.getBody();
        URI type = body.getType();
        String path = type.getPath();
        String slug = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String fallback = body.getTitle() != null ? body.getTitle() : get("problem.generic");
        String title = slug.isEmpty()
                ? fallback
                : messages.getMessage("problem." + slug, null, fallback, LocaleContextHolder.getLocale());
        return body.getDetail() == null ? title : title + ": " + body.getDetail();
    }
}
