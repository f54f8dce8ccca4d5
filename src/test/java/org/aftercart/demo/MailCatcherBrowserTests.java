package org.aftercart.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.UUID;
import org.aftercart.admin.Browser;
import org.aftercart.customers.ContactChannel;
import org.aftercart.notifications.Notifications;
import org.aftercart.notifications.NotificationsTestSupport;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.SalesChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's mail catcher in a real headless Chromium: the demo's own messages and a text go through
 * the dispatcher (off in tests, so run once by hand) to the in-process SMTP server and the SMS
 * catcher, and the console shows them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MailCatcherBrowserTests {

    @DynamicPropertySource
    static void mailCatcherOnAFreePort(DynamicPropertyRegistry registry) {
        int port = FreePort.find();
        registry.add("spring.mail.port", () -> port);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    @Autowired
    OrderManagement orders;

    @Autowired
    JdbcClient jdbc;

    static Browser browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void everyEmailAndTextTheDemoSendsIsCaught() throws Exception {
        OrderView order = orders.findByChannelRef(SalesChannel.WEB, "demo-4").orElseThrow();
        notifications.chooseChannelForOrder(order.id(), ContactChannel.SMS, "+33 6 12 34 56 78", "FR");
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, order_id, facts)
                        values (?, 'order-changed', 'TRANSACTIONAL', ?, ?,
                            '{"description": "Quantity 2 → 3", "priceDifference": "0.00", "currency": "GBP"}')
                        """)
                .params(
                        UUID.randomUUID(),
                        "test:" + UUID.randomUUID(),
                        order.id().id())
                .update();
        // Every round until nothing is due: other tests share the database and leave messages due too.
        NotificationsTestSupport.deliverEverythingDue(context);

        browser = new Browser(port);
        browser.signIn(DemoStore.ADMIN, DemoStore.PASSWORD, "/console/operations");

        browser.driver.findElement(By.linkText("Mail catcher")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Mail catcher"));
        String caught = browser.text(".caught-list");
        assertThat(caught).contains("ada@example.org", "E-mail", "+33612345678", "SMS");
        browser.assertNoSeriousAccessibilityProblems("mail catcher");
        browser.screenshot("mail-catcher-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("mail catcher scrolls sideways")
                .isFalse();
        browser.screenshot("mail-catcher-phone");
        browser.width(Browser.DESKTOP);

        browser.find(".caught-list a[href*='email-']").click();
        browser.waitUntil(urlContains("/console/mail-catcher/email-"));
        assertThat(browser.find("iframe.email-frame").getAttribute("sandbox")).isEmpty();
        assertThat(browser.find("iframe.email-frame").getAttribute("srcdoc")).contains("Aftercart Demo Shop");
        assertThat(browser.text(".preview-text")).isNotBlank();
        assertThat(browser.text(".headers")).contains("Message-ID", "Auto-Submitted");
        browser.assertNoSeriousAccessibilityProblems("caught e-mail");
        browser.screenshot("mail-catcher-email-desktop");

        browser.open("/console/mail-catcher");
        browser.find(".caught-list a[href*='sms-']").click();
        browser.waitUntil(urlContains("/console/mail-catcher/sms-"));
        assertThat(browser.text(".preview-sms")).contains(order.number());
        browser.assertNoSeriousAccessibilityProblems("caught text");
        browser.screenshot("mail-catcher-sms-desktop");
    }
}
