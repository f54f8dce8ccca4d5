/**
 * The customer's rights over their personal data: one machine-readable export of everything every
 * module holds about them, and erasure across every module in one transaction, recorded without
 * personal data. Modules take part through {@link org.aftercart.shared.PersonalData}.
 */
@NullMarked
@ApplicationModule(displayName = "Privacy")
package org.aftercart.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
