/**
 * What every module speaks: money with its currency, and the base of the RFC 9457 problems that
 * business refusals render as. No beans, no entities.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.aftercart.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
