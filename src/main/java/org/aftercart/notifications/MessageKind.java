package org.aftercart.notifications;

import java.util.List;
import java.util.Optional;

/**
 * What a message is about. Its templates live in {@code templates/notifications/<key>/}. Other
 * modules declare their own kinds (a review request, a birthday offer) with {@link #marketing}.
 *
 * @param key names the templates, the customer's channel choice and the console's lists
 * @param purpose marketing messages need consent and count against the contact budget
 * @param urgent sent even during the customer's quiet hours: answers to something the customer just
 *     did (ordered, changed, cancelled)
 * @param parcelMilestone one per parcel, folded into a digest when several parcels of an order
 *     reach it together
 */
public record MessageKind(String key, Purpose purpose, boolean urgent, boolean parcelMilestone) {

    public enum Purpose {
        /** About an order the customer placed: needs no consent, never counts against the budget. */
        TRANSACTIONAL,
        /** Anything else (reviews, offers, loyalty): consent and the contact budget apply. */
        MARKETING
    }

    public static final MessageKind ORDER_CONFIRMED =
            new MessageKind("order-confirmed", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind ORDER_CHANGED =
            new MessageKind("order-changed", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind ORDER_CANCELLED =
            new MessageKind("order-cancelled", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind SHIPPED = new MessageKind("shipped", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind OUT_FOR_DELIVERY =
            new MessageKind("out-for-delivery", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind DELIVERED = new MessageKind("delivered", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind DELAYED = new MessageKind("delayed", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind EXCEPTION = new MessageKind("exception", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind READY_FOR_PICKUP =
            new MessageKind("ready-for-pickup", Purpose.TRANSACTIONAL, false, true);
    public static final MessageKind REFUND_ISSUED =
            new MessageKind("refund-issued", Purpose.TRANSACTIONAL, false, false);
    public static final MessageKind CREDIT_ISSUED =
            new MessageKind("credit-issued", Purpose.TRANSACTIONAL, false, false);
    /** To whoever receives a gift card (a gift return's recipient, a guest's store credit). */
    public static final MessageKind GIFT_CARD_ISSUED =
            new MessageKind("gift-card-issued", Purpose.TRANSACTIONAL, false, false);

    public static final MessageKind RETURN_REQUESTED =
            new MessageKind("return-requested", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind RETURN_APPROVED =
            new MessageKind("return-approved", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind RETURN_REJECTED =
            new MessageKind("return-rejected", Purpose.TRANSACTIONAL, true, false);
    public static final MessageKind RETURN_RECEIVED =
            new MessageKind("return-received", Purpose.TRANSACTIONAL, false, false);
    public static final MessageKind RETURN_RESOLVED =
            new MessageKind("return-resolved", Purpose.TRANSACTIONAL, false, false);
    public static final MessageKind RETURN_CANCELLED =
            new MessageKind("return-cancelled", Purpose.TRANSACTIONAL, true, false);

    /**
     * A one-time sign-in link the customer just asked for on the account's sign-in page: always by
     * e-mail to the address that asked, never held, and delivered ahead of any backlog ({@link
     * #express()}), because the customer is waiting for it.
     */
    public static final MessageKind SIGN_IN_LINK = new MessageKind("sign-in-link", Purpose.TRANSACTIONAL, true, false);

    /** The kinds this module sends by itself, in the order the console lists them. */
    public static final List<MessageKind> BUILT_IN = List.of(
            ORDER_CONFIRMED,
            ORDER_CHANGED,
            ORDER_CANCELLED,
            SHIPPED,
            OUT_FOR_DELIVERY,
            DELIVERED,
            DELAYED,
            EXCEPTION,
            READY_FOR_PICKUP,
            REFUND_ISSUED,
            CREDIT_ISSUED,
            GIFT_CARD_ISSUED,
            RETURN_REQUESTED,
            RETURN_APPROVED,
            RETURN_REJECTED,
            RETURN_RECEIVED,
            RETURN_RESOLVED,
            RETURN_CANCELLED,
            SIGN_IN_LINK);

    public MessageKind {
        if (!key.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("A message kind's key is lower-case letters, digits and dashes: " + key);
        }
        if (purpose == Purpose.MARKETING && urgent) {
            throw new IllegalArgumentException("A marketing message is never urgent");
        }
    }

    /** A marketing kind of another module, e.g. {@code marketing("review-request")}. */
    public static MessageKind marketing(String key) {
        return new MessageKind(key, Purpose.MARKETING, false, false);
    }

    /** Delivered by the dispatcher's express lane, never behind a batch of other messages. */
    public boolean express() {
        return equals(SIGN_IN_LINK);
    }

    public boolean transactional() {
        return purpose == Purpose.TRANSACTIONAL;
    }

    static Optional<MessageKind> builtIn(String key) {
        return BUILT_IN.stream().filter(kind -> kind.key.equals(key)).findFirst();
    }
}
