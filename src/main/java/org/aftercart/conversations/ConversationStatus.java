package org.aftercart.conversations;

/** Whose move it is. */
public enum ConversationStatus {
    /** Staff have something to do. */
    OPEN,
    /** Staff answered or asked and wait for the customer; a new inbound entry opens it again. */
    WAITING_ON_CUSTOMER,
    CLOSED
}
