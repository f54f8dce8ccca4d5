package org.aftercart.admin;

import java.util.List;
import org.aftercart.customers.CustomerId;
import org.aftercart.timeline.CustomerTimeline;
import org.aftercart.timeline.TimelineCategory;
import org.aftercart.timeline.TimelinePage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the timeline fragment of the customer's page (admin/customer-timeline.html) reads. */
@Component
class CustomerTimelineView {

    static final int PAGE_SIZE = 20;

    private final CustomerTimeline timeline;

    CustomerTimelineView(CustomerTimeline timeline) {
        this.timeline = timeline;
    }

    /**
     * @param kind a category to keep ({@code orders}, {@code money}, …); every entry when absent or
     *     unknown
     * @param before where an earlier page ended; the newest entries when absent
     */
    void addTo(Model model, CustomerId customer, @Nullable String kind, @Nullable String before) {
        TimelineCategory category =
                kind == null ? null : TimelineCategory.parse(kind).orElse(null);
        TimelinePage page = timeline.page(customer, category, before, PAGE_SIZE);
        model.addAttribute("timeline", page);
        model.addAttribute("timelineCategory", category == null ? null : category.slug());
        model.addAttribute("timelineCategories", List.of(TimelineCategory.values()));
        model.addAttribute("timelineCustomerId", customer.id());
        model.addAttribute("timelineContinued", before != null && !before.isBlank());
    }
}
