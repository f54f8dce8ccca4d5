/** Parsers of what carriers and tracking aggregators send, into {@link org.aftercart.tracking.CarrierReport}s. */
@NullMarked
package org.aftercart.tracking.carriers;

import org.jspecify.annotations.NullMarked;
