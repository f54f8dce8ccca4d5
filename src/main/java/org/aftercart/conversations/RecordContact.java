package org.aftercart.conversations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact to record as a new conversation with its first entry.
 *
 * @param orderId the order it is about, if any; identifies the customer when {@code customer} is empty
 * @param direction usually INBOUND; OUTBOUND when the shop got in touch first (a call back)
 * @param author who wrote the entry: {@code customer} for an inbound one, else the staff member
 * @param assignee the staff member who takes it at once (e.g. the one who took the call), or null
 */
public record RecordContact(
        CustomerReference customer,
        @Nullable UUID orderId,
        ConversationChannel channel,
        ConversationTopic topic,
        EntryDirection direction,
        String text,
        String author,
        @Nullable String assignee) {}
