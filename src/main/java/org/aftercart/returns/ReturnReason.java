package org.aftercart.returns;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of the merchant's return reasons. Its label is the one the merchant wrote for the language
 * ({@code labels}), else the messages bundles' {@code returns.reason.<code>} (the built-in reasons):
 * see {@link ReturnReasonLabels}.
 *
 * @param requiresInspection a return giving it waits for a person to approve it
 * @param active offered to customers; an inactive reason stays on the returns that gave it
 * @param labels the merchant's labels by language code ({@code en}, {@code fr}); empty for a
 *     built-in reason never relabelled
 */
public record ReturnReason(
        String code,
        @Nullable String parentCode,
        int position,
        boolean requiresPhoto,
        boolean requiresComment,
        boolean requiresInspection,
        boolean active,
        Map<String, String> labels) {

    public ReturnReason {
        labels = Map.copyOf(labels);
    }

    public String messageKey() {
        return "returns.reason." + code;
    }
}
