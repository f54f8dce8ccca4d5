/**
 * Products and their sellable variants (SKUs) with their prices: what every channel sells and
 * every other module refers to by SKU.
 */
@NullMarked
@ApplicationModule(displayName = "Catalog")
package org.aftercart.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
