package org.aftercart.conversations;

/** Where the customer got in touch. */
public enum ConversationChannel {
    EMAIL,
    CHAT,
    PHONE,
    SOCIAL,
    IN_STORE
}
