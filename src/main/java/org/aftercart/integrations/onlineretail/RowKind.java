package org.aftercart.integrations.onlineretail;

/** What a line of the file is, and for the lines left out, why. */
public enum RowKind {
    /** A product sold on an invoice: becomes an order line. */
    SALE("sale"),
    /** A product line of a {@code C} invoice with a customer: becomes a return. */
    CANCELLATION("cancellation"),
    MALFORMED("malformed line"),
    BAD_DEBT_ADJUSTMENT("A invoice (bad-debt adjustment)"),
    NON_PRODUCT_CODE("non-product code (postage, carriage, manual, discount, samples, fees, PADS)"),
    GIFT_VOUCHER("gift voucher (gift_0001_*)"),
    CANCELLATION_WITHOUT_CUSTOMER("C invoice line without customer"),
    STOCK_ADJUSTMENT("negative quantity without C (stock adjustment)"),
    ZERO_QUANTITY("quantity 0"),
    STOCK_RECORD("price 0 and no customer (stock record)"),
    NEGATIVE_PRICE("negative price"),
    SUB_PENNY_PRICE("price not in whole pence");

    private final String description;

    RowKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean imported() {
        return this == SALE || this == CANCELLATION;
    }
}
