package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing said in a conversation.
 *
 * @param author {@code customer}, or the staff member or system that wrote it
 */
public record ConversationEntry(UUID id, EntryDirection direction, String body, String author, Instant at) {}
