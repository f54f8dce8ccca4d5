/**
 * The retailer's customers: profile, contact details, preferred channel and language. Every other
 * module refers to a customer by {@link org.aftercart.customers.CustomerId}.
 */
@NullMarked
@ApplicationModule(displayName = "Customers")
package org.aftercart.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
