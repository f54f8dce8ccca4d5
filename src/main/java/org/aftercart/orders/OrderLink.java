package org.aftercart.orders;

import java.net.URI;

/**
 * A page about an order that another module serves, announced in the order API's answer to the
 * order's creation as an RFC 8288 {@code Link} header ({@code <https://…>; rel="thank-you"}), so
 * that the storefront can send the customer there. Modules implement it; orders knows none of them.
 */
public interface OrderLink {

    /** The link relation, e.g. {@code thank-you}: lower-case letters and hyphens. */
    String relation();

    /** The page's full address for this order. */
    URI linkFor(OrderId order);
}
