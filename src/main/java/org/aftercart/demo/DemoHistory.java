package org.aftercart.demo;

import org.aftercart.catalog.Catalog;
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
    private final Catalog catalog;

    DemoHistory(OnlineRetailImport onlineRetail, Catalog catalog) {
        this.onlineRetail = onlineRetail;
        this.catalog = catalog;
    }

    /** The import is idempotent anyway; skipping it when products exist keeps restarts fast. */
    void importOnce() {
        if (!catalog.list(0, 1).isEmpty()) {
            return;
        }
        OnlineRetailReport report = onlineRetail.importDemoSlice();
        log.info(
                "Demo history imported from the UCI Online Retail slice: {} orders, {} lines, {} products",
                report.ordersAdded(),
                report.linesAdded(),
                report.productsAdded());
    }
}
