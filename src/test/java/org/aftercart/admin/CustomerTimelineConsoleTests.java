package org.aftercart.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.timeline.CustomerTimeline;
import org.aftercart.timeline.TimelinePage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** "Show older" without JavaScript opens the page at that point; with htmx it answers only the entries. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class CustomerTimelineConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void olderEntriesComeAsAFragmentForHtmxAndAsThePageWithout() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CustomerId customer = customers.findOrRegister(ContactDetails.email("older-" + tag + "@example.org", "Ola"));
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int i = 1; i <= 22; i++) {
            TimelineNote note =
                    new TimelineNote(customer.id(), start.plus(i, ChronoUnit.HOURS), "Chat " + tag + " #" + i);
            transactions.executeWithoutResult(status -> events.publishEvent(note));
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> timeline.page(customer, null, null, 100).entries().size() == 22);
        TimelinePage first = timeline.page(customer, null, null, 20);
        String cursor = first.olderCursor();

        mvc.perform(get("/console/customers/" + customer.id())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chat " + tag + " #22")))
                .andExpect(content().string(not(containsString("Chat " + tag + " #2<"))))
                .andExpect(content()
                        .string(containsString("hx-get=\"/console/customers/" + customer.id() + "/timeline?")));

        mvc.perform(get("/console/customers/" + customer.id() + "/timeline")
                        .param("before", cursor)
                        .header("HX-Request", "true")
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chat " + tag + " #2<")))
                .andExpect(content().string(containsString("Chat " + tag + " #1<")))
                .andExpect(content().string(not(containsString("Chat " + tag + " #3<"))))
                .andExpect(content().string(containsString("id=\"timeline-more\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(not(containsString("<html"))));

        mvc.perform(get("/console/customers/" + customer.id() + "/timeline")
                        .param("before", cursor)
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/customers/" + customer.id() + "?before=" + cursor + "#timeline"));

        mvc.perform(get("/console/customers/" + customer.id())
                        .param("before", cursor)
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chat " + tag + " #1<")))
                .andExpect(content().string(not(containsString("Chat " + tag + " #22<"))))
                .andExpect(content().string(containsString("Back to the newest")));
    }
}
