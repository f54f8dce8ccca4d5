package org.aftercart.returns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Approved mail returns get no label until the carrier label service replaces this bean (the
 * customer then sends the parcel and gives its tracking number).
 */
@Component
class NoPrepaidLabels implements PrepaidLabels {

    private static final Logger log = LoggerFactory.getLogger(NoPrepaidLabels.class);

    @Override
    public void requestFor(ReturnView approved) {
        log.debug("Return {} approved; no label service configured", approved.number());
    }
}
