package org.aftercart.demo;

import org.aftercart.integrations.OnlineRetailImport;
import org.aftercart.integrations.OnlineRetailReport;
import org.aftercart.orders.OrderManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports the shipped slice of the UCI Online Retail data as the demo store's catalogue and history. */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** The first invoice of the shipped slice: when its order exists the slice was imported. */
    private static final String FIRST_SLICE_ORDER = "UCI-536374";

    private final OnlineRetailImport onlineRetail;
    private final OrderManagement orders;

    DemoHistory(OnlineRetailImport onlineRetail, OrderManagement orders) {
        this.onlineRetail = onlineRetail;
        this.orders = orders;
    }

    /**
     * The import is keyed by the file's own numbers, so running it again would add nothing; the
     * look-up only saves reading the slice on every restart.
     */
    void importOnce() {
        if (orders.findByNumber(FIRST_SLICE_ORDER).isPresent()) {
            return;
        }
        OnlineRetailReport report = onlineRetail.importDemoSlice();
        if (report.ordersAdded() == 0) {
            return;
        }
        log.info(
                "Demo history imported from the UCI Online Retail slice: {} orders, {} lines, {} products",
                report.ordersAdded(),
                report.linesAdded(),
                report.productsAdded());
    }
}
