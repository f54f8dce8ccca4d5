/**
 * Orders from every sales channel (web, store, phone, marketplace): their lines with quantities per
 * bucket, the statuses derived from them, and the change journal that records every edit and
 * cancellation made before packing starts.
 */
@NullMarked
@ApplicationModule(displayName = "Orders")
package org.aftercart.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
