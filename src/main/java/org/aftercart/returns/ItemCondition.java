package org.aftercart.returns;

/** The state a returned item arrives in. */
public enum ItemCondition {
    NEW,
    OPENED,
    USED,
    DAMAGED
}
