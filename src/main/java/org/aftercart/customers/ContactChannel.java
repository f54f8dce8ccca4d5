package org.aftercart.customers;

/** The channels a customer can choose to be reached on. */
public enum ContactChannel {
    EMAIL,
    SMS
}
