package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.aftercart.admin.Browser;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tracking page as a customer sees it, in a real headless Chromium: an order of two parcels,
 * one delivered and one in transit, in English and French, on a phone and a desktop; the guest
 * lookup; a broken link. axe-core checks every page; screenshots land in target/screenshots.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.branding.logo-url=/images/demo-shop-logo.svg"
        })
class TrackingPageBrowserTests {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TrackingLinks links;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Tracking tracking;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    /** The broken link's own 404 is what that page is about, not an error of the page. */
    private static final Predicate<String> BROKEN_LINK_404 =
            error -> error.contains("/track/this-link-was-cut-in-half ");

    static Browser browser;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.driver.manage().deleteAllCookies();
        browser.width(Browser.DESKTOP);
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void anOrderOfTwoParcelsInEnglishAndFrenchOnAPhoneAndADesktop() {
        var shipped = shipping.shipInParcels("browser-page@example.org", "MUG", "PLATE");
        moveParcels(shipped);
        String path = links.pathFor(shipped.order().id());

        browser.open(path + "?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Your order " + shipped.order().number());
        assertThat(browser.findAll("section.parcel")).hasSize(2);
        assertThat(browser.text("#parcel-1-heading")).isEqualTo("Parcel 1 of 2");
        assertThat(browser.findAll("[role=progressbar]"))
                .extracting(bar -> bar.getAttribute("aria-valuetext"))
                .containsExactlyInAnyOrder("Delivered", "In transit");
        assertThat(browser.text("main")).contains("Left with the neighbour", "Product MUG", "Expected delivery");
        assertThat(browser.find(".logo").getAttribute("alt")).isEqualTo("Aftercart Demo Shop");
        assertThat((Boolean) browser.script("return document.querySelector('.logo').naturalWidth > 0"))
                .as("the brand's logo loads under the page's CSP")
                .isTrue();
        assertThat(browser.script("return getComputedStyle(document.querySelector('.brand-header')).backgroundColor"))
                .as("the brand's colours apply")
                .isEqualTo("rgb(19, 78, 74)");
        browser.assertNoSeriousAccessibilityProblems("tracking page", BROKEN_LINK_404);
        browser.screenshot("tracking-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("tracking-en-phone");

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(driver -> browser.text("h1").startsWith("Votre commande"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findAll("[role=progressbar]"))
                .extracting(bar -> bar.getAttribute("aria-valuetext"))
                .containsExactlyInAnyOrder("Livré", "En transit");
        assertThat(browser.text("main"))
                .contains("Historique du suivi", "Livraison prévue", "Retourner ou échanger des articles");
        browser.assertNoSeriousAccessibilityProblems("tracking page in French", BROKEN_LINK_404);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("tracking-fr-phone");
        browser.width(Browser.DESKTOP);
        browser.screenshot("tracking-fr-desktop");
    }

    @Test
    void aParcelInTroubleIsShownPlainly() {
        var shipped = shipping.shipInParcels("browser-trouble@example.org", "MUG");
        intake.accept(
                "generic",
                null,
                List.of(report(
                        shipped.trackingNumbers().getFirst(),
                        event(T0, "IN_TRANSIT", "Arrived at the hub"),
                        event(T0.plusSeconds(3600), "DELAYED", "Held at the hub: bad weather"))));
        browser.open(links.pathFor(shipped.order().id()) + "?lang=en");

        assertThat(browser.text(".notice.trouble")).contains("This parcel is running late.");
        assertThat(browser.text(".overall")).contains("A parcel needs attention");
        browser.assertNoSeriousAccessibilityProblems("tracking page with a late parcel", BROKEN_LINK_404);
        browser.width(Browser.PHONE);
        browser.screenshot("tracking-delayed-phone");
    }

    @Test
    void aGuestLooksUpTheOrderAndABrokenLinkSaysSoPolitely() {
        var shipped = shipping.shipInParcels("browser-guest@example.org", "MUG");
        browser.width(Browser.PHONE);
        browser.open("/track?lang=en");
        browser.assertNoSeriousAccessibilityProblems("guest lookup", BROKEN_LINK_404);
        browser.find("#orderNumber").sendKeys(shipped.order().number());
        browser.find("#contact").sendKeys("nobody@example.org");
        browser.find("button[type=submit]").click();
        browser.waitUntil(driver -> !browser.findAll("[role=alert]").isEmpty());
        assertThat(browser.text("[role=alert]")).contains("We could not find an order with those details.");
        browser.assertNoSeriousAccessibilityProblems("guest lookup refused", BROKEN_LINK_404);
        browser.screenshot("tracking-lookup-phone");

        browser.find("#contact").sendKeys("browser-guest@example.org");
        browser.find("button[type=submit]").click();
        browser.waitUntil(driver -> browser.path().matches("/track/[A-Za-z0-9_-]{55}"));
        assertThat(browser.text("h1")).isEqualTo("Your order " + shipped.order().number());

        browser.open("/track/this-link-was-cut-in-half");
        assertThat(browser.text("h1")).isEqualTo("We cannot show this page");
        browser.assertNoSeriousAccessibilityProblems("broken link", BROKEN_LINK_404);
        browser.screenshot("tracking-not-found-phone");
    }

    private void moveParcels(ShippedOrders.Shipped shipped) {
        List<ShipmentView> parcels = tracking.shipmentsOf(shipped.order().id());
        String mug = parcels.stream()
                .filter(parcel -> parcel.items().getFirst().sku().endsWith("MUG-ONE"))
                .findFirst()
                .orElseThrow()
                .trackingNumber();
        String plate = parcels.stream()
                .map(ShipmentView::trackingNumber)
                .filter(number -> !number.equals(mug))
                .findFirst()
                .orElseThrow();
        intake.accept(
                "generic",
                null,
                List.of(
                        report(
                                mug,
                                event(T0, "IN_TRANSIT", "Arrived at the hub"),
                                event(T0.plusSeconds(7200), "OUT_FOR_DELIVERY", "With the courier"),
                                event(T0.plusSeconds(9000), "DELIVERED", "Left with the neighbour")),
                        report(
                                plate,
                                event(T0.plusSeconds(600), "IN_TRANSIT", "Arrived at the hub"),
                                event(T0.plusSeconds(30000), "IN_TRANSIT", "Left the sorting centre"))));
    }

    private static CarrierReport report(String number, CarrierEvent... events) {
        return new CarrierReport("canonical", "La Poste", number, null, List.of(events));
    }

    private static CarrierEvent event(Instant at, String status, String description) {
        return new CarrierEvent(at, status, null, description, new EventLocation("Paris", null, "75002", "FR"));
    }
}
