package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentStatus;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.returns.Returns;
import org.aftercart.support.OperationsScenes;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations lists' actions in a real headless Chromium: releasing a late order and retrying a
 * failed message replace only their row (htmx), the page is not reloaded, and the outcome is written
 * into the page's polite live region. A marker set on the page's window object tells a reload apart:
 * a new page would not have it.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        // A long hold window: an order placed weeks ago is still on hold, so it can be released.
        properties = "aftercart.fulfillment.hold-window=P60D")
class OperationsBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Returns returns;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    OperationsScenes scenes;
    String agentEmail;

    @BeforeEach
    void setUp() {
        scenes = new OperationsScenes(orders, fulfillment, tracking, intake, returns, catalog, inventory);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        agentEmail = "agent-" + tag + "@example.org";
        staff.createIfMissing(agentEmail, "Agent " + tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
    }

    @Test
    void releasingALateOrderReplacesItsRowAndSaysSoPolitely() {
        OrderView late = scenes.place(Instant.now().minus(Duration.ofDays(30)));
        UUID held = scenes.fulfillmentOrderOf(late).id();
        assertThat(scenes.fulfillmentOrderOf(late).status()).isEqualTo(FulfillmentStatus.ON_HOLD);
        browser.signIn(agentEmail, PASSWORD, "/console/customers");

        browser.open("/console/operations/late-orders");
        String row = "#late-" + held;
        assertThat(browser.text(row)).contains(late.number(), "On hold", "Release now");
        assertThat(browser.find("#row-status").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.text("#row-status")).isEmpty();
        browser.script("window.sameDocument = true");

        browser.find(row + " button").click();
        browser.waitUntil(textToBePresentInElementLocated(
                By.id("row-status"), "Order " + late.number() + " is released to the warehouse."));
        browser.waitUntil(driver -> !browser.text(row).contains("On hold"));

        assertThat(browser.script("return window.sameDocument === true"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(browser.text(row)).contains(late.number(), "At the warehouse");
        assertThat(browser.findAll(row + " button"))
                .as("nothing left to release")
                .isEmpty();
        assertThat(browser.findAll("table.late-orders > tbody > tr" + row))
                .as("the row is replaced in its table, not added")
                .hasSize(1);
        assertThat(scenes.fulfillmentOrderOf(late).status()).isNotEqualTo(FulfillmentStatus.ON_HOLD);
        browser.assertNoSeriousAccessibilityProblems("late orders after a release");
        browser.screenshot("operations-late-orders-released-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("late orders scroll sideways on a phone")
                .isFalse();
        browser.screenshot("operations-late-orders-released-phone");
    }

    @Test
    void retryingAFailedMessageReplacesItsRowAndSaysSoPolitely() {
        OrderView order = scenes.place(null);
        UUID failed = UUID.randomUUID();
        String recipient = "retry-" + failed.toString().substring(0, 8) + "@example.org";
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, customer_id, order_id,
                            status, attempts, channel, recipient, subject, reason, facts)
                        values (?, 'shipped', 'TRANSACTIONAL', ?, ?::uuid, ?, 'FAILED', 8, 'EMAIL', ?, 'On its way',
                                'mailbox full', '{"orderNumber":"x"}'::jsonb)
                        """)
                .params(failed, "test:" + failed, order.customerId(), order.id().id(), recipient)
                .update();
        browser.signIn(agentEmail, PASSWORD, "/console/customers");

        browser.open("/console/messages");
        String row = "#message-" + failed;
        assertThat(browser.text(row)).contains(recipient, "Failed", "Retry");
        browser.script("window.sameDocument = true");

        browser.find(row + " button").click();
        browser.waitUntil(textToBePresentInElementLocated(By.id("row-status"), "will be sent again"));
        browser.waitUntil(driver -> !browser.text(row + " .badge").equals("Failed"));

        assertThat(browser.script("return window.sameDocument === true"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(browser.text("#row-status")).contains(recipient);
        assertThat(browser.text(row)).contains(recipient);
        assertThat(browser.text(row + " .badge")).isIn("Waiting", "Sending", "Sent");
        browser.assertNoSeriousAccessibilityProblems("messages after a retry");
        browser.screenshot("operations-messages-retried-desktop");
    }
}
