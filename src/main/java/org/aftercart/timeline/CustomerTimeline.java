package org.aftercart.timeline;

import java.util.List;
import org.aftercart.customers.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The timeline module's public API: a customer's timeline, newest first, a page at a time. */
@Service
@Transactional(readOnly = true)
public class CustomerTimeline {

    /** More would make the customer's page slow to read and to render. */
    public static final int MAX_PAGE_SIZE = 100;

    private final TimelineEntries entries;

    CustomerTimeline(TimelineEntries entries) {
        this.entries = entries;
    }

    /**
     * The customer's entries older than {@code before} (from the newest when {@code null} or
     * unreadable), of one category or all.
     *
     * @param before a {@link TimelinePage#olderCursor()} of an earlier page
     * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    public TimelinePage page(
            CustomerId customer, @Nullable TimelineCategory category, @Nullable String before, int size) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        List<TimelineEntry> rows =
                entries.page(customer.id(), category, TimelineEntries.Cursor.parse(before), pageSize + 1);
        if (rows.size() <= pageSize) {
            return new TimelinePage(rows, null);
        }
        List<TimelineEntry> page = rows.subList(0, pageSize);
        return new TimelinePage(
                page, TimelineEntries.Cursor.after(page.getLast()).text());
    }
}
