package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Staff and access in a real headless Chromium: an admin creates an API key (shown once), revokes
 * it and reads the audit log; an analyst's navigation and the refusal page. Screenshots land in
 * target/screenshots; axe-core checks every page for serious problems.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class StaffAccessBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ConsoleTestData data;
    String admin;
    String agent;
    String analyst;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        admin = "admin-" + data.tag + "@example.org";
        agent = "agent-" + data.tag + "@example.org";
        analyst = "analyst-" + data.tag + "@example.org";
        staff.createIfMissing(admin, "Admin " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
        staff.createIfMissing(agent, "Agent " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.AGENT));
        staff.createIfMissing(analyst, "Analyst " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.ANALYST));
    }

    @Test
    void anAdminCreatesAKeySeenOnceRevokesItAndReadsTheAuditLog() {
        String label = "Storefront " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn(admin, PASSWORD, "/console/operations");
        browser.openSettings("API keys");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "API keys"));

        browser.find("#label").sendKeys(label);
        browser.clickButton("Create a key");
        browser.waitUntil(textToBePresentInElementLocated(By.id("new-key-heading"), "Your new key"));
        String key = browser.find("#new-key").getDomProperty("value");
        assertThat(key).startsWith("ak_");
        browser.assertNoSeriousAccessibilityProblems("API keys with a new key");
        browser.screenshot("api-keys-new-key-desktop");

        browser.open("/console/settings/api-keys");
        assertThat(browser.findAll("#new-key")).as("the key is shown once").isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(key);

        browser.find("button[aria-label='Revoke the key " + label + "']").click();
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "revoked"));
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("API keys page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("api-keys-phone");
        browser.width(Browser.DESKTOP);

        browser.driver.findElement(By.linkText("Audit log")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Audit log"));
        browser.find("#staff").sendKeys(admin);
        browser.clickButton("Filter");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".audit-list"), "/revoke"));
        assertThat(browser.findAll(".audit-list tbody tr")).hasSize(2);
        assertThat(browser.text(".audit-list tbody tr:first-child"))
                .contains("/console/settings/api-keys/{id}/revoke", "Done");
        assertThat(browser.text(".audit-list")).doesNotContain(key);
        browser.find(".audit-list tbody tr:first-child summary").click();
        assertThat(browser.text(".audit-list tbody tr:first-child dl")).contains("revokedAt");
        browser.assertNoSeriousAccessibilityProblems("audit log");
        browser.screenshot("audit-log-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("audit log scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("audit-log-phone");
    }

    @Test
    void anAnalystSeesOnlyWhatTheRoleOpensAndARefusalIsAPage() {
        OrderView order = data.webOrder();
        browser.signIn(analyst, PASSWORD, "/console/dashboard");
        assertThat(browser.findAll("nav a").stream().map(link -> link.getText()))
                .contains("Orders", "Returns", "Messages", "Offers")
                .doesNotContain("Store returns", "Templates", "Help centre", "Audit log", "API keys", "Settings");

        browser.open("/admin/orders/" + order.id().id());
        assertThat(browser.findAll(".cancel-order"))
                .as("no cancel form for an analyst")
                .isEmpty();

        browser.open("/console/audit?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Non autorisé");
        assertThat(browser.text("main")).contains("Votre rôle ne permet pas");
        browser.assertNoSeriousAccessibilityProblems(
                "refusal page", error -> error.contains("/console/audit") && error.contains("status of 403"));
        browser.screenshot("access-denied-fr");
    }

    @Test
    void eachRoleStartsOnItsOwnPageButALinkToAConsolePageWins() {
        browser.signIn(agent, PASSWORD, "/console/customers");
        assertThat(browser.text("h1")).isNotBlank();
        browser.driver.manage().deleteAllCookies();

        // A link followed while signed out: the sign-in page, then that page, not the start page.
        OrderView order = data.webOrder();
        browser.open("/admin/orders/" + order.id().id());
        browser.waitUntil(urlContains("/login"));
        browser.signIn(agent, PASSWORD, "/admin/orders/" + order.id().id());
        assertThat(browser.text("h1")).contains(order.number());
        browser.driver.manage().deleteAllCookies();

        browser.open("/console/returns");
        browser.waitUntil(urlContains("/login"));
        browser.find("#username").sendKeys(analyst);
        browser.find("#password").sendKeys(PASSWORD);
        browser.clickButton("Sign in");
        browser.waitUntil(urlContains("/console/returns"));
        assertThat(browser.path()).startsWith("/console/returns");
        assertThat(browser.text("h1")).isNotBlank();
    }
}
