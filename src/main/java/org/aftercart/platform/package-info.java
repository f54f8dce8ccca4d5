/**
 * The ground every module stands on: the embedded PostgreSQL default, staff sign-in and API keys,
 * request limits and RFC 9457 problem responses. It knows no business module.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.aftercart.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
