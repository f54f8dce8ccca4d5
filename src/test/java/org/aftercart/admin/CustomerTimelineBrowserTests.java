package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.timeline.CustomerTimeline;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent finds a customer by their parcel's tracking number and reads their timeline in a real
 * headless Chromium: newest first, "show older" appended in place by htmx, a filter by kind; axe-core
 * checks each state. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class CustomerTimelineBrowserTests extends ConsoleBrowserTestBase {

    private static final int NOTES = 25;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    String agentEmail;
    String trackingNumber;
    OrderView order;
    CustomerId customer;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        agentEmail = "agent-" + tag + "@example.org";
        staff.createIfMissing(agentEmail, "Agent " + tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
        trackingNumber = "TB" + tag.toUpperCase() + "FR";
        order = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory)
                .shipWithTrackingNumber("timeline-" + tag + "@example.org", trackingNumber, "Teapot")
                .order();
        customer = CustomerId.of(order.customerId());
        // Older contacts, an hour apart, so that the timeline runs over more than one page.
        Instant first = order.placedAt().minus(NOTES + 1, ChronoUnit.HOURS);
        for (int i = 0; i < NOTES; i++) {
            TimelineNote note =
                    new TimelineNote(customer.id(), first.plus(i, ChronoUnit.HOURS), "Phone call " + (i + 1));
            transactions.executeWithoutResult(status -> events.publishEvent(note));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> timeline.page(customer, null, null, 100).entries().size() >= NOTES + 2);
    }

    @Test
    void anAgentFindsTheCustomerAndReadsOlderEntriesInPlace() {
        browser.signIn(agentEmail, PASSWORD, "/console/customers");
        browser.open("/console/customers");
        browser.find("#q").sendKeys(trackingNumber.toLowerCase());
        browser.find("form.order-search button[type=submit]").click();
        browser.waitUntil(
                ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector(".customer-list")));
        assertThat(browser.text(".customer-list tbody")).contains(order.number(), "parcel " + trackingNumber);
        browser.assertNoSeriousAccessibilityProblems("customer search results");
        browser.screenshot("customer-search-desktop");

        browser.find(".customer-list tbody a[href^='/console/customers/']").click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("timeline-entries")));
        assertThat(browser.path()).isEqualTo("/console/customers/" + customer.id());
        assertThat(browser.findAll("#timeline-entries > li")).hasSize(20);
        assertThat(browser.findAll("#timeline-entries > li").getFirst().getText())
                .contains("Parcel");
        browser.assertNoSeriousAccessibilityProblems("customer timeline");
        browser.screenshot("customer-timeline-desktop");

        // A mark on the window survives only if the page is not reloaded.
        browser.script("window.stillTheSamePage = true;");
        browser.find("#timeline-more a").click();
        browser.waitUntil(driver -> browser.findAll("#timeline-entries > li").size() > 20);
        assertThat(browser.script("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(browser.findAll("#timeline-entries > li")).hasSizeGreaterThanOrEqualTo(NOTES + 2);
        assertThat(browser.text("#timeline-entries")).contains("Phone call 1", "Phone call " + NOTES);
        assertThat(browser.findAll("#timeline-more a")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.assertNoSeriousAccessibilityProblems("customer timeline with older entries");
        browser.screenshot("customer-timeline-older-desktop");

        browser.find(".timeline-filter a[href*='kind=orders']").click();
        browser.waitUntil(ExpectedConditions.urlContains("kind=orders"));
        assertThat(browser.findAll("#timeline-entries > li"))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getAttribute("data-kind")).startsWith("order."));
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("timeline scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("customer-timeline-orders-phone");
    }
}
