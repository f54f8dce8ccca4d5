package org.aftercart.conversations;

import java.util.List;

/** One page of a list, open conversations first, then the most recently active. */
public record ConversationPage(List<ConversationView> items, int page, boolean hasNext) {

    public ConversationPage {
        items = List.copyOf(items);
    }
}
