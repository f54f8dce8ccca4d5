package org.aftercart.offers;

/** An offer with its figures, for the console. */
public record OfferReport(Offer offer, OfferStats stats) {}
