/**
 * Conversations with customers: contacts from every channel (e-mail, chat, phone, social, in store)
 * with their entries, topic, status and assignee, the count of "where is my order" contacts, and
 * the internal notes staff leave on a customer.
 */
@NullMarked
@ApplicationModule(displayName = "Conversations")
package org.aftercart.conversations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
