package org.aftercart.inventory;

/** Stock of one SKU at one location; available may go negative when lines are backordered. */
public record StockLevel(String locationCode, String sku, int onHand, int reserved) {

    public int available() {
        return onHand - reserved;
    }
}
