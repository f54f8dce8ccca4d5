/**
 * Customer support, starting with the help centre: articles the merchant writes in Markdown, per
 * language and topic, searched with PostgreSQL full-text search, and linked from e-mails and pages
 * by the situation the customer is in (a late parcel, a return, a refund).
 */
@NullMarked
@ApplicationModule(displayName = "Support")
package org.aftercart.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
