package org.aftercart.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entries of a customer's timeline, newest first.
 *
 * @param olderCursor what to pass as {@code before} for the next, older page; {@code null} when
 *     there is none
 */
public record TimelinePage(List<TimelineEntry> entries, @Nullable String olderCursor) {

    public TimelinePage {
        entries = List.copyOf(entries);
    }

    public boolean hasOlder() {
        return olderCursor != null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
