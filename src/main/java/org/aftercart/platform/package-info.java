/**
 * The ground every module stands on: the embedded PostgreSQL default, staff sign-in and API keys,
 * request limits and RFC 9457 problem responses, request ids, the actuator's access rules and the
 * metrics that belong to no module (webhook intake, the event outbox, scheduled jobs). It knows no
 * business module.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.aftercart.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
