package org.aftercart.conversations;

/** What the customer got in touch about; fixed when the conversation opens. */
public enum ConversationTopic {
    WHERE_IS_MY_ORDER,
    CHANGE,
    RETURN,
    DAMAGED,
    OTHER
}
