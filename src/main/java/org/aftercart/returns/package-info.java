/** Returns and exchanges: policies, return requests and their steps, outcomes, return shipments and in-store returns. */
@NullMarked
@ApplicationModule(displayName = "Returns")
package org.aftercart.returns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
