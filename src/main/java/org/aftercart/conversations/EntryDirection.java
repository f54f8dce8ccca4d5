package org.aftercart.conversations;

/** Who spoke: the customer to the shop, or the shop to the customer. */
public enum EntryDirection {
    INBOUND,
    OUTBOUND
}
