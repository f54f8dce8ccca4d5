package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.time.Duration;
import java.util.Set;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.timeline.CustomerTimeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * An agent changes one order and cancels another of the same customer in a real headless Chromium:
 * the preview with its price difference, the confirmation, the order pages afterwards and the
 * customer's timeline, with axe-core on each page and screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderChangeBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    CustomerTimeline timeline;

    ConsoleTestData data;
    String agentEmail;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        agentEmail = "agent-" + data.tag + "@example.org";
        staff.createIfMissing(agentEmail, "Agent " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
    }

    @Test
    void anAgentPreviewsAndConfirmsAChangeThenCancelsAnOrderAndTheTimelineTellsBoth() {
        OrderView toChange = data.webOrder();
        OrderView toCancel = data.webOrder();
        CustomerId customer = CustomerId.of(toChange.customerId());
        assertThat(toCancel.customerId()).isEqualTo(toChange.customerId());
        OrderView.Line shirts = toChange.lines().getFirst();
        browser.signIn(agentEmail, PASSWORD, "/console/customers");

        browser.open("/admin/orders/" + toChange.id().id());
        WebElement quantity = browser.find("#quantity-" + shirts.id());
        quantity.clear();
        quantity.sendKeys("3");
        browser.clickButton("Preview the quantity");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Change order " + toChange.number()));

        assertThat(browser.text(".change-preview table.totals"))
                .contains("Total now", "€60.90", "Total after", "€85.90", "Difference", "+€25.00");
        assertThat(browser.text(".change-preview")).contains("The customer is charged the difference.");
        browser.assertNoSeriousAccessibilityProblems("order change preview");
        browser.screenshot("order-change-preview-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("change preview scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("order-change-preview-phone");
        browser.width(Browser.DESKTOP);

        browser.clickButton("Confirm the change");
        browser.waitUntil(urlMatches("/admin/orders/" + toChange.id().id() + "$"));
        assertThat(browser.text("[role=status]")).contains("Order " + toChange.number() + " is changed.");
        assertThat(browser.text("main")).contains("€85.90");
        assertThat(orders.find(toChange.id()).orElseThrow().total().amount()).isEqualByComparingTo("85.90");
        browser.assertNoSeriousAccessibilityProblems("changed order");
        browser.screenshot("order-changed-desktop");

        browser.open("/admin/orders/" + toCancel.id().id());
        browser.find("#cancel-reason").sendKeys("Ordered twice by mistake");
        browser.clickButton("Cancel order");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "is cancelled"));
        assertThat(browser.findAll(".cancel-order"))
                .as("nothing left to cancel")
                .isEmpty();
        assertThat(browser.findAll(".change-order"))
                .as("nothing left to change")
                .isEmpty();
        browser.assertNoSeriousAccessibilityProblems("cancelled order");
        browser.screenshot("order-cancelled-desktop");

        // The timeline is written after commit, so wait for both facts before opening the page.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> timeline.page(customer, null, null, 50).entries().stream()
                                .filter(entry -> entry.kind().equals("order.changed")
                                        || entry.kind().equals("order.cancelled"))
                                .count()
                        == 2);
        browser.open("/console/customers/" + customer);
        browser.waitUntil(textToBePresentInElementLocated(By.id("timeline"), "Order cancelled"));
        String entries = browser.text("#timeline");
        assertThat(entries)
                .contains("Order changed", "Order " + toChange.number() + " changed")
                .contains("Order cancelled", "Order " + toCancel.number() + " cancelled: Ordered twice by mistake");
        assertThat(entries.indexOf("Order cancelled"))
                .as("newest first: the cancellation above the change")
                .isLessThan(entries.indexOf("Order changed"));
        browser.assertNoSeriousAccessibilityProblems("customer timeline after the change and cancellation");
        browser.screenshot("order-change-timeline-desktop");
    }
}
