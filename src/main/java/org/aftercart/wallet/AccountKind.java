package org.aftercart.wallet;

/**
 * The accounts of the wallet ledgers. Holder accounts belong to someone and may never go below
 * zero; system accounts are where money comes from and goes to, and carry the opposite sign, so
 * that all balances together always sum to zero.
 */
enum AccountKind {
    /** A customer's store credit in one currency. */
    STORE_CREDIT(true),
    /** One gift card. */
    GIFT_CARD(true),
    /** Source of store credit granted (refunds as credit, goodwill). */
    ISSUED_CREDIT(false),
    /** Source of bonus credit, kept apart so that reports can tell bonus from refunded money. */
    BONUS_CREDIT(false),
    /** Source of gift card balances (gift cards sold or given). */
    ISSUED_GIFT_CARDS(false),
    /** Money set aside by open holds. */
    HELD(false),
    /** Money taken by checkouts. */
    REDEEMED(false),
    /** Money that expired unused. */
    EXPIRED(false);

    private final boolean holder;

    AccountKind(boolean holder) {
        this.holder = holder;
    }

    boolean holder() {
        return holder;
    }
}
