package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.Returns;
import org.aftercart.support.OperationsScenes;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The dashboard and an operations list in a real headless Chromium: the charts are drawn from the
 * JSON in their data attributes by the local script under the console's content security policy,
 * with the tables still there for screen readers; the late-orders list with its links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class DashboardBrowserTests extends ConsoleBrowserTestBase {

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

    OperationsScenes scenes;
    String staffEmail;

    @BeforeEach
    void setUp() {
        scenes = new OperationsScenes(orders, fulfillment, tracking, intake, returns, catalog, inventory);
        staffEmail = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.createIfMissing(staffEmail, "Analyst", PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
    }

    @Test
    void theDashboardDrawsItsChartsAndKeepsTheTables() {
        OrderView delivered = scenes.place(Instant.now().minus(Duration.ofDays(2)));
        String parcel = scenes.ship(delivered);
        scenes.checkpoint(parcel, "DELIVERED", Instant.now().minusSeconds(60));
        scenes.requestReturn(delivered, "too-small", ReturnOutcome.STORE_CREDIT);
        scenes.place(null);
        browser.signIn(staffEmail, PASSWORD, "/console/operations");

        browser.driver.findElement(By.linkText("Dashboard")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Dashboard"));
        browser.waitUntil(numberOfElementsToBe(By.cssSelector("figure.chart.chart-drawn"), 4));
        for (WebElement canvas : browser.findAll("figure.chart canvas")) {
            assertThat(canvas.getSize().getWidth()).as("chart width").isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as("chart height").isGreaterThan(100);
        }
        assertThat(browser.text(".kpi-wismo")).contains("contacts");
        assertThat(browser.text(".kpi-orders")).isNotEqualTo("0");
        assertThat(browser.text(".kpi-return-rate")).contains("%");
        // Folded once the charts are drawn, the tables are still there to read.
        assertThat(browser.findAll("figure.chart details table")).hasSize(3);
        browser.assertNoSeriousAccessibilityProblems("dashboard");
        browser.screenshot("dashboard-desktop");

        browser.find("figure.chart details summary").click();
        assertThat(browser.text("figure.chart details table")).contains("Day", "Orders");
        browser.screenshot("dashboard-table-open-desktop");

        browser.driver.findElement(By.linkText("7 days")).click();
        browser.waitUntil(numberOfElementsToBe(By.cssSelector("figure.chart.chart-drawn"), 4));
        assertThat(browser.findAll("figure.chart details table tbody tr").size())
                .isGreaterThanOrEqualTo(7);
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).as("dashboard scrolls sideways").isFalse();
        browser.assertNoSeriousAccessibilityProblems("dashboard on a phone");
        browser.screenshot("dashboard-phone");
    }

    @Test
    void theLateOrdersListLinksToTheOrder() {
        // Due long before any other test's orders, so at the top of the list, most overdue first.
        OrderView late = scenes.place(Instant.parse("1990-01-01T09:00:00Z")
                .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextInt(86_400)));
        browser.signIn(staffEmail, PASSWORD, "/console/operations");

        browser.driver.findElement(By.linkText("Operations")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Operations"));
        assertThat(browser.text(".operations-overview")).contains("Orders not shipped in time");
        browser.assertNoSeriousAccessibilityProblems("operations overview");
        browser.screenshot("operations-desktop");

        browser.find(".operations-overview a").click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Orders not shipped in time"));
        WebElement link = browser.driver.findElement(By.linkText(late.number()));
        assertThat(link.getAttribute("href"))
                .endsWith("/admin/orders/" + late.id().id());
        browser.assertNoSeriousAccessibilityProblems("late orders");
        browser.screenshot("operations-late-orders-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("late orders scroll sideways")
                .isFalse();
        browser.screenshot("operations-late-orders-phone");
    }
}
