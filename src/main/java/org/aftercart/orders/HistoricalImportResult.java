package org.aftercart.orders;

/**
 * What an import of order history changed.
 *
 * @param ordersAlreadyPresent orders skipped because their number was already taken
 * @param returnsApplied returns that reached an order line and returned at least one unit
 * @param returnsAlreadyApplied returns recorded by an earlier import
 * @param returnsWithoutOrderLine returns for which the customer has no earlier line of the SKU
 * @param returnsWithNothingLeft returns whose order line had no delivered unit left to return
 * @param unitsBeyondWhatWasLeft units asked back beyond what their order line had left
 */
public record HistoricalImportResult(
        int ordersAdded,
        int ordersAlreadyPresent,
        int linesAdded,
        int returnsApplied,
        int returnsAlreadyApplied,
        int returnsWithoutOrderLine,
        int returnsWithNothingLeft,
        long unitsReturned,
        long unitsBeyondWhatWasLeft) {}
