/**
 * What every module speaks: money with its currency, the base of the RFC 9457 problems that
 * business refusals render as, and the {@link org.aftercart.shared.PersonalData} port through which
 * each module hands over what it holds about a customer. No beans, no entities.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.aftercart.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
