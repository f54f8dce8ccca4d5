/**
 * Connections to the world outside: bulk imports of other systems' data, such as the UCI Online
 * Retail sales history, into the modules that own it; no other module depends on it.
 */
@NullMarked
@ApplicationModule(displayName = "Integrations")
package org.aftercart.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
