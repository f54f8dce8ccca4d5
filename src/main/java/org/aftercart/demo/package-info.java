/**
 * The demo store that the run command starts with: staff logins, locations, a slice of the UCI
 * Online Retail catalogue and history, and a handful of live orders in every step. Active only
 * with the {@code demo} profile; nothing depends on it.
 */
@NullMarked
@ApplicationModule(displayName = "Demo store")
package org.aftercart.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
