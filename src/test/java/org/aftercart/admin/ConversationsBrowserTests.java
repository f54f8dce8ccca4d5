package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.RecordContact;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The conversations list and a conversation in a real headless Chromium: taking one and moving its
 * status update the row in place (htmx), the page answers, and both pass axe at desktop and phone
 * widths.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversationsBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Conversations conversations;

    ConsoleTestData data;
    String staffEmail;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        staffEmail = "agent-" + data.tag + "@example.org";
        staff.createIfMissing(staffEmail, "Agent " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
    }

    @Test
    void anAgentTakesAConversationAndAnswersIt() {
        OrderView order = data.webOrder();
        UUID id = conversations
                .record(
                        new RecordContact(
                                CustomerReference.email(data.email()),
                                order.id().id(),
                                ConversationChannel.CHAT,
                                ConversationTopic.WHERE_IS_MY_ORDER,
                                EntryDirection.INBOUND,
                                "Hello, my order " + order.number() + " has not arrived yet.",
                                "customer",
                                null),
                        null)
                .conversation()
                .id();
        browser.signIn(staffEmail, PASSWORD, "/console/customers");

        browser.driver.findElement(By.linkText("Conversations")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Conversations"));
        String row = "#conversation-" + id;
        assertThat(browser.text(row)).contains("Jo", order.number(), "Where is my order", "Chat", "Open", "nobody");
        browser.assertNoSeriousAccessibilityProblems("conversations");
        browser.screenshot("conversations-desktop");

        String listUrl = browser.driver.getCurrentUrl();
        browser.find(row + " form[action$='assign-to-me'] button").click();
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(row), "Assigned to you."));
        assertThat(browser.text(row)).contains(staffEmail);
        assertThat(browser.driver.getCurrentUrl()).as("updated in place").isEqualTo(listUrl);

        new Select(browser.find(row + " select[name=status]")).selectByVisibleText("Waiting on the customer");
        browser.find(row + " form[action$='/status'] button").click();
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(row + " .badge"), "Waiting on the customer"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(listUrl);
        browser.assertNoSeriousAccessibilityProblems("conversations after updates in place");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("conversations page scrolls sideways")
                .isFalse();
        browser.screenshot("conversations-phone");
        browser.width(Browser.DESKTOP);

        browser.find(row + " th a").click();
        browser.waitUntil(urlContains("/console/conversations/" + id));
        assertThat(browser.text("h1")).contains("Where is my order", "Waiting on the customer");
        assertThat(browser.text(".conversation-entries")).contains("has not arrived yet");
        browser.find("#entry-text").sendKeys("It is with the carrier and arrives tomorrow.");
        browser.clickButton("Add");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Added"));
        assertThat(browser.findAll(".conversation-entries .entry")).hasSize(2);
        assertThat(browser.text(".conversation-entries .entry-outbound")).contains(staffEmail, "arrives tomorrow");
        browser.assertNoSeriousAccessibilityProblems("conversation");
        browser.screenshot("conversation-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("conversation page scrolls sideways")
                .isFalse();
        browser.screenshot("conversation-phone");
    }

    @Test
    void aPhoneCallIsRecordedFromTheCustomersPage() {
        OrderView order = data.webOrder();
        browser.signIn(staffEmail, PASSWORD, "/console/customers");

        browser.open("/console/customers/" + order.customerId());
        browser.waitUntil(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("customer-actions")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-page, main h1"))));
        assertThat(browser.driver.findElements(By.id("customer-actions")))
                .as("the customer page, not: %s", browser.text("main"))
                .isNotEmpty();
        assertThat(browser.text("#customer-actions")).contains("Internal note", "Goodwill store credit", "€25.00");
        browser.assertNoSeriousAccessibilityProblems("customer with agent actions");
        browser.screenshot("customer-actions-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("customer page scrolls sideways")
                .isFalse();
        browser.screenshot("customer-actions-phone");
        browser.width(Browser.DESKTOP);
        browser.find("#customer-actions a[href*='conversations/new']").click();
        browser.waitUntil(urlContains("/console/conversations/new"));
        browser.find("#order-number").sendKeys(order.number());
        new Select(browser.find("#topic")).selectByVisibleText("Damaged");
        browser.find("#entry").sendKeys("Called: the mug arrived chipped.");
        browser.assertNoSeriousAccessibilityProblems("record a contact");
        browser.screenshot("conversation-new-desktop");
        browser.clickButton("Record");

        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Contact recorded"));
        assertThat(browser.text("h1")).contains("Damaged", "Open");
        assertThat(browser.text(".facts")).contains(order.number(), "Phone", staffEmail);
    }
}
