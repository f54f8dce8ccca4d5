/**
 * Stock: the merchant's locations (warehouses and stores), stock levels per SKU and location, and
 * the reservations that hold stock for order lines from the moment they are placed until they ship
 * or are released.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory")
package org.aftercart.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
