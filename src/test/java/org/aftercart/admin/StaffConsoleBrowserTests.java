package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.List;
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
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console as staff use it, in a real headless Chromium against the running application:
 * sign in, find an order, pack and ship it, switch to French, on a desktop and a phone width.
 * Screenshots land in target/screenshots; axe-core checks every page for serious problems.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class StaffConsoleBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

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
    void anonymousVisitIsSentToSignIn() {
        browser.open("/admin/orders");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("h1")).isEqualTo("Sign in to Aftercart");
        browser.assertNoSeriousAccessibilityProblems("sign-in");
        browser.screenshot("login-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("login-phone");
    }

    @Test
    void wrongPasswordIsSaidPlainly() {
        browser.open("/login");
        browser.find("#username").sendKeys(staffEmail);
        browser.find("#password").sendKeys("not the password", Keys.ENTER);

        browser.waitUntil(urlContains("error"));
        assertThat(browser.text("[role=alert]")).contains("do not match a staff account");
    }

    @Test
    void staffFindAnOrderThenPackAndShipIt() {
        OrderView older = data.storeOrder();
        OrderView order = data.webOrder();
        browser.signIn(staffEmail, PASSWORD, "/console/customers");
        browser.driver.findElement(By.linkText("Orders")).click();
        browser.waitUntil(urlContains("/admin/orders"));

        assertThat(browser.text("h1")).isEqualTo("Orders");
        assertThat(browser.findAll("#order-results tbody tr")).isNotEmpty();

        // Typing in the search box refreshes the table in place (htmx) and the address follows.
        browser.find("#q").sendKeys(data.tag);
        browser.waitUntil(urlContains("q=" + data.tag));
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("#order-results caption"), data.tag));
        assertThat(rowNumbers()).containsExactly(order.number(), older.number());
        assertThat(browser.text("#order-results")).contains("€60.90", "£12.50", "Store", "Paid", "Pending");
        browser.assertNoSeriousAccessibilityProblems("order list");
        browser.screenshot("orders-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("order list scrolls sideways as a page")
                .isFalse();
        browser.screenshot("orders-phone");
        browser.width(Browser.DESKTOP);

        browser.find("#q").clear();
        browser.find("#q").sendKeys(data.email(), Keys.ENTER);
        browser.waitUntil(driver -> rowNumbers().equals(List.of(order.number())));

        // A late htmx swap of the results may replace the link between finding and clicking it.
        browser.waitUntil(driver -> {
            try {
                driver.findElement(By.linkText(order.number())).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), order.number()));
        assertThat(browser.text("h1")).contains("Placed");
        assertThat(browser.text(".lines")).contains("Return requested", "€25.00", "€50.00");
        assertThat(browser.text(".totals")).contains("€60.90");
        assertThat(browser.text(".fulfilment-order")).contains("Main warehouse", "Released");
        browser.assertNoSeriousAccessibilityProblems("order before packing");
        browser.screenshot("order-actions-desktop");

        browser.clickButton("Start packing");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Packing started"));
        assertThat(browser.text("h1")).contains("In fulfilment");
        assertThat(browser.findAll("#cancel-reason"))
                .as("cancelling ends with packing")
                .isEmpty();

        browser.find("input[name=carrier]").sendKeys("La Poste");
        browser.find("input[name=trackingNumber]").sendKeys("6A12345678901");
        browser.clickButton("Ship");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Parcel shipped"));
        assertThat(browser.text("h1")).contains("Shipped");
        assertThat(browser.text(".parcels")).contains("La Poste", "6A12345678901", "2 × ");
        assertThat(browser.text(".journal")).contains("Packing started", "staff:" + staffEmail);
        browser.assertNoSeriousAccessibilityProblems("order after shipping");
        browser.screenshot("order-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("order page scrolls sideways as a page")
                .isFalse();
        browser.screenshot("order-phone");
    }

    @Test
    void staffSwitchToFrenchAndBackThenSignOut() {
        OrderView order = data.webOrder();
        refundNeedingAPerson(order);
        browser.signIn(staffEmail, PASSWORD, "/console/customers");
        browser.open("/admin/orders");
        browser.width(Browser.PHONE);

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Commandes"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("label[for=q]")).isEqualTo("Rechercher des commandes");

        browser.open("/admin/orders/" + order.id().id());
        assertThat(browser.text("h1")).contains("Commande " + order.number(), "Passée");
        assertThat(browser.text(".totals")).contains("Sous-total", "60,90");
        assertThat(browser.text(".fulfilment-order")).contains("Commencer l’emballage");
        assertThat(browser.text(".payments .needs-attention")).contains("Action manuelle requise", "6,00");
        browser.assertNoSeriousAccessibilityProblems("order in French");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("order-fr-phone");

        browser.driver.findElement(By.linkText("English")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Order " + order.number()));

        browser.driver
                .findElement(By.xpath("//header//button[normalize-space()='Sign out']"))
                .click();
        browser.waitUntil(urlContains("/login?logout"));
        assertThat(browser.text("[role=status]")).isEqualTo("You have signed out.");
    }

    /** A refund the provider refused, as the payments module records it for a person to handle. */
    private void refundNeedingAPerson(OrderView order) {
        jdbc.sql(
                        """
                        insert into payments.transactions (id, order_id, kind, amount, currency, provider, status,
                            failure_reason, idempotency_key)
                        values (?, ?, 'REFUND', 6.00, 'EUR', 'offline', 'MANUAL_ACTION_REQUIRED',
                            'Card expired', ?)
                        """)
                .params(UUID.randomUUID(), order.id().id(), "test:" + UUID.randomUUID())
                .update();
    }

    /** Read in one go inside the page, so that an htmx swap midway cannot leave a stale element. */
    @SuppressWarnings("unchecked")
    private List<String> rowNumbers() {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('#order-results tbody th a'), a => a.textContent.trim())");
    }
}
