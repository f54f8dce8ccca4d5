package org.aftercart.admin;

import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The next page of a customer's timeline for htmx's "show older", appended to the list in place;
 * without JavaScript the same link opens the customer's page at that point of the timeline.
 */
@Controller
@RequestMapping("/console/customers/{id}/timeline")
class CustomerTimelineController {

    private final CustomerTimelineView view;

    CustomerTimelineController(CustomerTimelineView view) {
        this.view = view;
    }

    @GetMapping
    String olderEntries(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String before,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (!"true".equals(htmx)) {
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/console/customers/{id}")
                            .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                            .queryParamIfPresent("before", java.util.Optional.ofNullable(before))
                            .fragment("timeline")
                            .buildAndExpand(id)
                            .encode()
                            .toUriString();
        }
        view.addTo(model, new CustomerId(id), kind, before);
        return "admin/customer-timeline :: older";
    }
}
