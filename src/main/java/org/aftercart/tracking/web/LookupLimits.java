package org.aftercart.tracking.web;

import org.aftercart.platform.GuestLookupLimits;
import org.springframework.stereotype.Component;

/** The tracking page's guest lookup limits ({@code aftercart.tracking.page.lookups-*}). */
@Component
class LookupLimits extends GuestLookupLimits {

    LookupLimits(TrackingPageSettings settings) {
        super(settings.lookupsPerAddress(), settings.lookupsPerOrder(), settings.lookupWindow());
    }
}
