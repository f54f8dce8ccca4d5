package org.aftercart.demo;

import org.aftercart.integrations.OnlineRetailImport;
import org.aftercart.integrations.OnlineRetailReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports the shipped slice of the UCI Online Retail data as the demo store's catalogue and history. */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final OnlineRetailImport onlineRetail;

    DemoHistory(OnlineRetailImport onlineRetail) {
        this.onlineRetail = onlineRetail;
    }

    /** The import is keyed by the file's own numbers: on a restart it reads the slice and adds nothing. */
    void importOnce() {
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
