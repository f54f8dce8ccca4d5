package org.aftercart.demo;

import org.springframework.stereotype.Component;

/** Imports the shipped slice of the UCI Online Retail data as the demo store's order history. */
@Component
class DemoHistory {

    void importOnce() {
        // wired to the integrations import once it lands
    }
}
