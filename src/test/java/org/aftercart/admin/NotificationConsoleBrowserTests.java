package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.MessageKind;
import org.aftercart.notifications.NotificationTemplates;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's customer-message pages in a real headless Chromium: the messages that did not reach
 * the customer and retrying one, an order's messages, and the template editor's live preview.
 * Messages are written straight into the table: the dispatcher is off in tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class NotificationConsoleBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    NotificationTemplates templates;

    @Autowired
    JdbcClient jdbc;

    ConsoleTestData data;
    String staffEmail;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        staffEmail = "agent-" + data.tag + "@example.org";
        staff.createIfMissing(staffEmail, "Agent " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
    }

    @Test
    void agentsSeeWhatFailedAndRetryIt() {
        OrderView order = data.webOrder();
        UUID failed = message(order, "FAILED", "Gave up after 2 attempts: the mail server could not take it");
        attempt(failed, 1, "RETRY", "421 Service not available");
        attempt(failed, 2, "RETRY", "421 Service not available");
        browser.signIn(staffEmail, PASSWORD, "/console/customers");

        browser.driver.findElement(By.linkText("Messages")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "did not reach"));
        String firstRow = browser.text(".message-list tbody tr");
        assertThat(firstRow).contains("Shipped", data.email(), "E-mail", "Failed", "Gave up after 2 attempts", "2");
        browser.assertNoSeriousAccessibilityProblems("problem messages");
        browser.screenshot("messages-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("messages page scrolls sideways")
                .isFalse();
        browser.screenshot("messages-phone");
        browser.width(Browser.DESKTOP);

        browser.find(".message-list tbody tr a").click();
        browser.waitUntil(urlContains("/console/messages/" + failed));
        assertThat(browser.text("h1")).contains("Shipped", "Failed");
        assertThat(browser.findAll(".attempts tbody tr")).hasSize(2);
        assertThat(browser.text(".attempts")).contains("Failed, to retry", "421 Service not available", "smtp-1");
        browser.assertNoSeriousAccessibilityProblems("message detail");
        browser.screenshot("message-desktop");

        browser.clickButton("Retry");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "sent again"));
        assertThat(browser.text("h1")).contains("Waiting");

        browser.clickButton("Retry");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "Only a failed"));
        browser.assertNoSeriousAccessibilityProblems("message after a refused retry");
        browser.screenshot("message-retry-refused-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("message page scrolls sideways")
                .isFalse();
        browser.screenshot("message-phone");
    }

    @Test
    void theOrderPageListsItsMessages() {
        OrderView order = data.webOrder();
        UUID sent = message(order, "SENT", null);
        jdbc.sql("update notifications.messages set sent_at = now(), opened_at = now(), clicks = 3 where id = ?")
                .param(sent)
                .update();
        browser.signIn(staffEmail, PASSWORD, "/console/customers");

        browser.open("/admin/orders/" + order.id().id());
        String messages = browser.text(".order-messages");
        // Placing the order wrote its confirmation, waiting for the dispatcher (off in tests).
        assertThat(messages).contains("Order confirmed", "Waiting", "Shipped", "Sent", "3");
        browser.assertNoSeriousAccessibilityProblems("order with messages");
        browser.screenshot("order-messages-desktop");

        browser.driver.findElement(By.linkText("Shipped")).click();
        browser.waitUntil(urlContains("/console/messages/" + sent));
        assertThat(browser.text(".attempts-none, main")).contains("never handed to a provider");

        browser.open("/console/customers/" + order.customerId());
        assertThat(browser.text("main")).contains("Contact", "Order confirmed", "Waiting", "Shipped", "Sent");
        browser.assertNoSeriousAccessibilityProblems("customer with messages");
        browser.screenshot("customer-messages-desktop");
    }

    @Test
    void theTemplateEditorPreviewsAsTheMerchantTypes() {
        // Message templates are settings: admins edit them (ADR 22).
        String adminEmail = "admin-" + data.tag + "@example.org";
        staff.createIfMissing(adminEmail, "Admin " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        try {
            browser.openSettings("Templates");
            browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Message templates"));
            assertThat(browser.findAll(".template-list tbody tr")).hasSize(MessageKind.BUILT_IN.size());
            browser.assertNoSeriousAccessibilityProblems("template list");
            browser.screenshot("templates-desktop");

            browser.find("a[href$='/delivered/EMAIL/en']").click();
            browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Delivered"));
            assertThat(browser.find("#html").getAttribute("value")).contains("th:replace");
            assertThat(srcdoc()).contains("AC-100042", "Organic cotton shirt").doesNotContain("/m/");
            assertThat(browser.text(".preview-subject")).contains("AC-100042");

            browser.find("#subject").sendKeys(" for " + data.tag);
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".preview-subject"), data.tag));
            browser.find("#body").sendKeys("\nSee you soon, " + data.tag);
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".preview-text"), "See you soon"));
            browser.assertNoSeriousAccessibilityProblems("template editor");
            browser.screenshot("template-editor-desktop");

            browser.clickButton("Save");
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Template saved"));
            assertThat(browser.text("h1")).contains("Edited");
            assertThat(templates.source("delivered", "EMAIL", "en").subject()).contains(data.tag);

            // A template that cannot render is refused, says why, and keeps the draft in the form.
            browser.find("#subject").sendKeys(" [(${m.nonsense})]");
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("#preview .notice-error"), "subject"));
            browser.clickButton("Save");
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "Not saved"));
            assertThat(browser.text("[role=alert]")).contains("nonsense");
            assertThat(browser.find("#subject").getAttribute("value")).contains("nonsense");
            assertThat(templates.source("delivered", "EMAIL", "en").subject()).doesNotContain("nonsense");
            assertThat(browser.consoleErrors())
                    .as("only the refused save, answered 422 Unprocessable Content")
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("422");
            browser.screenshot("template-invalid-desktop");

            browser.clickButton("Reset to built-in");
            browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "built-in"));
            assertThat(browser.text("h1")).contains("Built-in");

            browser.open("/console/templates/delivered/SMS/fr");
            // The French text has a ’, which only UCS-2 carries: 70 characters per message, not 160.
            assertThat(browser.text(".sms-length")).matches("\\d+ characters, 2 messages");
            browser.assertNoSeriousAccessibilityProblems("SMS template editor");
            browser.width(Browser.PHONE);
            assertThat(browser.overflowsSideways())
                    .as("template editor scrolls sideways")
                    .isFalse();
            browser.screenshot("template-sms-phone");
        } finally {
            templates.reset("delivered", "EMAIL", "en");
        }
    }

    private String srcdoc() {
        return browser.find("iframe.email-frame").getAttribute("srcdoc");
    }

    /** A shipped-parcel message about the order, as the dispatcher would have left it. */
    private UUID message(OrderView order, String status, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, customer_id, order_id,
                            status, attempts, channel, recipient, subject, reason)
                        values (?, 'shipped', 'TRANSACTIONAL', ?, ?, ?, ?, 2, 'EMAIL', ?, ?, ?)
                        """)
                .params(
                        id,
                        "test:" + id,
                        UUID.fromString(order.customerId()),
                        order.id().id(),
                        status,
                        data.email(),
                        "Your order " + order.number() + " is on its way",
                        reason)
                .update();
        return id;
    }

    private void attempt(UUID message, int number, String outcome, String detail) {
        jdbc.sql(
                        """
                        insert into notifications.attempts (message_id, number, channel, started_at, finished_at,
                            outcome, detail, provider_id)
                        values (?, ?, 'EMAIL', now(), now(), ?, ?, ?)
                        """)
                .params(message, number, outcome, detail, "smtp-" + number)
                .update();
    }
}
