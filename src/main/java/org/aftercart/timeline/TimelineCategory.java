package org.aftercart.timeline;

import java.util.Locale;
import java.util.Optional;

/** The families of timeline entries the console filters by. */
public enum TimelineCategory {
    ORDERS,
    PARCELS,
    MESSAGES,
    RETURNS,
    MONEY,
    CONTACTS;

    /**
     * The category of an entry by the first word of its kind ({@code order.placed} → orders);
     * kinds of other families (conversations, notes, calls) are contacts with the customer.
     */
    public static TimelineCategory ofKind(String kind) {
        String family = kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
        return switch (family) {
            case "order" -> ORDERS;
            case "parcel" -> PARCELS;
            case "message" -> MESSAGES;
            case "return" -> RETURNS;
            case "credit", "refund", "wallet", "gift-card" -> MONEY;
            default -> CONTACTS;
        };
    }

    /** The category named in a link or form ({@code orders}, {@code MONEY}); empty for anything else. */
    public static Optional<TimelineCategory> parse(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** As written in links: lower case. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
