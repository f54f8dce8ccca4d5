/**
 * Getting orders out of the door: fulfilment orders per location with a hold window after
 * purchase, the steps released → picking → packing → shipped, and the parcels that record which
 * items left in which box with which carrier and tracking number.
 */
@NullMarked
@ApplicationModule(displayName = "Fulfillment")
package org.aftercart.fulfillment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
