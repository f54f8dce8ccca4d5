/**
 * Messages to customers (e-mail, SMS) and signed webhooks to the merchant's systems: written in the
 * transaction of the fact that causes them, routed to the customer's channel, held during quiet
 * hours, kept within one contact budget, rendered from editable templates and delivered after commit
 * exactly once, with every attempt recorded.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications")
package org.aftercart.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
