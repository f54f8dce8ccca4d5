package org.aftercart.offers;

/** A place on a customer page that shows at most one offer at a time. */
public enum OfferSlot {
    /** The thank-you page after checkout. */
    THANK_YOU
}
