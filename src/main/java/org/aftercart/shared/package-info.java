/**
 * Immutable value types every module speaks: money with its currency, sales channels and problem
 * responses. No beans, no entities.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.aftercart.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
