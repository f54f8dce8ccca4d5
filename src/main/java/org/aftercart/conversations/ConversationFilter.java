package org.aftercart.conversations;

import org.jspecify.annotations.Nullable;

/** Which conversations a list shows; a null field does not filter. */
public record ConversationFilter(
        @Nullable ConversationStatus status, @Nullable String assignee, @Nullable ConversationChannel channel) {

    public static ConversationFilter all() {
        return new ConversationFilter(null, null, null);
    }
}
