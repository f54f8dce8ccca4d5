package org.aftercart.returns.web;

import org.aftercart.platform.GuestLookupLimits;
import org.springframework.stereotype.Component;

/**
 * The returns portal's guest lookup limits ({@code aftercart.returns.portal.lookups-*}), kept apart
 * from the tracking page's so that one page's visitors do not spend the other's allowance.
 */
@Component
class PortalLookupLimits extends GuestLookupLimits {

    PortalLookupLimits(PortalSettings settings) {
        super(settings.lookupsPerAddress(), settings.lookupsPerOrder(), settings.lookupWindow());
    }
}
