/**
 * The customer's own space: passwordless sign-in by a one-time link sent by e-mail, and the account
 * page (orders of every channel with their parcels, changes and cancellation, returns, reorder,
 * store credit and gift cards, contact preferences), built on the other modules' public APIs.
 */
@NullMarked
@ApplicationModule(displayName = "Customer account")
package org.aftercart.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
