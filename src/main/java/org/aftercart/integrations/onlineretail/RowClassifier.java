package org.aftercart.integrations.onlineretail;

import java.util.Set;

/**
 * Decides what each line of the file is. The rules, in order:
 *
 * <ol>
 *   <li>{@code A} invoices adjust bad debt: left out.
 *   <li>Codes that are not products (postage {@code POST}/{@code DOT}, carriage {@code C2},
 *       manual {@code M}, discount {@code D}, samples {@code S}, {@code BANK CHARGES}, {@code
 *       AMAZONFEE}, {@code CRUK} commission, bad debt {@code B}, and {@code PADS}, a free cushion
 *       pad booked at £0.001) and gift vouchers ({@code gift_0001_*}): left out.
 *   <li>{@code C} invoice lines are cancellations; those without a customer cannot be matched to an
 *       order and are left out.
 *   <li>Negative quantities outside {@code C} invoices are stock adjustments: left out.
 *   <li>Price 0 without a customer is a stock record ("found", "damaged", blank description): left
 *       out. Price 0 with a customer is a free item and kept.
 *   <li>What is left is a sale, if its price is a whole number of pence.
 * </ol>
 */
public final class RowClassifier {

    static final Set<String> NON_PRODUCT_CODES =
            Set.of("POST", "DOT", "C2", "M", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "B", "PADS");

    private RowClassifier() {}

    public static RowKind classify(OnlineRetailRow row) {
        if (row.invoiceNo().startsWith("A")) {
            return RowKind.BAD_DEBT_ADJUSTMENT;
        }
        if (NON_PRODUCT_CODES.contains(row.stockCode())) {
            return RowKind.NON_PRODUCT_CODE;
        }
        if (row.stockCode().startsWith("GIFT_")) {
            return RowKind.GIFT_VOUCHER;
        }
        if (row.isCancellation()) {
            if (row.quantity() >= 0) {
                return RowKind.MALFORMED;
            }
            return row.customerId() == null ? RowKind.CANCELLATION_WITHOUT_CUSTOMER : RowKind.CANCELLATION;
        }
        if (row.quantity() < 0) {
            return RowKind.STOCK_ADJUSTMENT;
        }
        if (row.quantity() == 0) {
            return RowKind.ZERO_QUANTITY;
        }
        if (row.unitPrice().signum() < 0) {
            return RowKind.NEGATIVE_PRICE;
        }
        if (row.unitPrice().signum() == 0 && row.customerId() == null) {
            return RowKind.STOCK_RECORD;
        }
        if (row.unitPrice().stripTrailingZeros().scale() > 2) {
            return RowKind.SUB_PENNY_PRICE;
        }
        return RowKind.SALE;
    }
}
