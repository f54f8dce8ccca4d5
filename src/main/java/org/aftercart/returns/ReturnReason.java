package org.aftercart.returns;

import org.jspecify.annotations.Nullable;

/**
 * One of the merchant's return reasons; its label is in the messages bundles under {@code
 * returns.reason.<code>}.
 *
 * @param requiresInspection a return giving it waits for a person to approve it
 */
public record ReturnReason(
        String code,
        @Nullable String parentCode,
        int position,
        boolean requiresPhoto,
        boolean requiresComment,
        boolean requiresInspection) {

    public String messageKey() {
        return "returns.reason." + code;
    }
}
