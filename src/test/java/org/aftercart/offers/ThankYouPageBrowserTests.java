package org.aftercart.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.aftercart.admin.Browser;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The thank-you page as a customer sees it after checkout, in a real headless Chromium: in English
 * and French, on a phone and a desktop, with the offer; an expired and a broken link; the console's
 * offers page with its figures and a refused form. axe-core checks every page and the browser
 * console must stay clean; screenshots land in target/screenshots.
 */
// The tracking page's browser tests' settings, so that all share one application context.
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.branding.logo-url=/images/demo-shop-logo.svg"
        })
class ThankYouPageBrowserTests {

    private static final String PASSWORD = "correct horse battery staple";

    /** The expired and the broken link answer 410 and 404 on purpose. */
    private static final Predicate<String> BAD_LINK_STATUS =
            error -> error.contains("/thank-you/") && (error.contains(" 410") || error.contains(" 404"));

    /** The refused form answers 422 on purpose. */
    private static final Predicate<String> REFUSED_FORM_422 = error -> error.contains("/console/offers -");

    @LocalServerPort
    int port;

    @Autowired
    ThankYouLinks links;

    @Autowired
    Offers offers;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    StaffAccounts staff;

    static Browser browser;

    @BeforeEach
    void setUp() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.driver.manage().deleteAllCookies();
        browser.width(Browser.DESKTOP);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theCustomerSeesTheirOrderThePromiseHowToChangeItAndTheOfferInBothLanguages() {
        LiveOffers live = new LiveOffers(offers);
        Offer english = live.takeTheSlot(
                LiveOffers.unique("10% off your next order"),
                List.of("en"),
                "https://shop.example.com/new",
                "THANKS10");
        Offer french = live.takeTheSlot(
                LiveOffers.unique("10 % de remise"), List.of("fr"), "https://shop.example.com/fr", "MERCI10");
        OrderView order = place();

        browser.open(links.pathFor(order.id()) + "?lang=en");

        assertThat(browser.text("h1")).isEqualTo("Thank you, Ada!");
        assertThat(browser.text(".intro")).contains("Your order " + order.number() + " is confirmed");
        assertThat(browser.findAll("table.lines tbody tr")).hasSize(2);
        assertThat(browser.text("table.lines")).contains("Product TYBOWL", "€24.90", "€49.80");
        assertThat(browser.text(".grand-total")).contains("€68.75");
        assertThat(browser.text(".promise")).startsWith("Delivery").contains("Expected between");
        assertThat(browser.find(".promise a").getAttribute("href")).contains("/track/");
        assertThat(browser.text(".change")).contains("until we start packing it");
        assertThat(browser.find(".change a[href$='/account']").getText()).isEqualTo("Change or cancel in your account");
        assertThat(browser.text(".offer h2")).isEqualTo(english.headline());
        assertThat(browser.text(".offer-code code")).isEqualTo("THANKS10");
        assertThat(browser.find(".offer a").getAttribute("href"))
                .as("the button goes through the counting redirect")
                .contains("/thank-you/")
                .endsWith("/offers/" + english.id());
        assertThat(browser.script("return getComputedStyle(document.querySelector('.brand-header')).backgroundColor"))
                .as("the brand's colours apply, as on the tracking page")
                .isEqualTo("rgb(19, 78, 74)");
        assertThat((Boolean) browser.script("return document.querySelector('.logo').naturalWidth > 0"))
                .as("the brand's logo loads under the page's CSP")
                .isTrue();
        browser.assertNoSeriousAccessibilityProblems("thank-you page");
        browser.screenshot("thank-you-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("thank-you-en-phone");

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(driver -> browser.text("h1").startsWith("Merci"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text(".offer h2")).isEqualTo(french.headline());
        assertThat(browser.text("main"))
                .contains("Livraison prévue entre", "Modifier ou annuler dans votre compte", "Centre d’aide")
                .containsPattern("24,90\\s€");
        browser.assertNoSeriousAccessibilityProblems("thank-you page in French");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("thank-you-fr-phone");
        browser.width(Browser.DESKTOP);
        browser.screenshot("thank-you-fr-desktop");

        assertThat(offers.report(english.id()).orElseThrow().stats().uniqueViews())
                .isEqualTo(1);
    }

    @Test
    void anExpiredLinkSaysHowToFindTheOrderAndABrokenOneShowsNothing() {
        OrderView order = place();

        browser.open("/thank-you/" + links.tokenFor(order.id(), Duration.ofSeconds(-1)) + "?lang=en");
        assertThat(browser.text("h1")).isEqualTo("This link has expired");
        assertThat(browser.text("main")).contains("order tracking page").doesNotContain(order.number());
        browser.assertNoSeriousAccessibilityProblems("expired link", BAD_LINK_STATUS);
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("thank-you-expired-phone");

        browser.driver.findElement(By.linkText("Find your order")).click();
        browser.waitUntil(driver -> browser.path().startsWith("/track"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");

        browser.open("/thank-you/this-link-was-cut-in-half?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Nous ne pouvons pas afficher cette page");
        browser.assertNoSeriousAccessibilityProblems("broken link", BAD_LINK_STATUS);
        browser.screenshot("thank-you-not-found-fr-phone");
    }

    @Test
    void staffSeeEachOffersFiguresAndAreToldWhatIsWrongWithAForm() {
        Offer offer = new LiveOffers(offers)
                .takeTheSlot(LiveOffers.unique("Console offer"), List.of(), "https://shop.example.com/c", null);
        offers.recordView(offer.id(), place().id());
        String email = "offers-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.createIfMissing(email, "Offer writer", PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
        browser.signIn(email, PASSWORD, "/console/operations");

        browser.open("/console/offers?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Thank-you page offers");
        var row = browser.driver.findElement(By.xpath("//tr[th/a[normalize-space()='" + offer.headline() + "']]"));
        assertThat(row.getText()).contains("Live", "All");
        assertThat(row.findElements(By.cssSelector("td.number")))
                .extracting(cell -> cell.getText())
                .containsExactly("1", "1", "0", "0", "0%");
        browser.assertNoSeriousAccessibilityProblems("console offers");
        browser.screenshot("console-offers-desktop");

        browser.driver.findElement(By.linkText("New offer")).click();
        browser.waitUntil(driver -> browser.path().startsWith("/console/offers/new"));
        browser.find("#headline").sendKeys("Spring sale");
        browser.find("#callToAction").sendKeys("See the sale");
        browser.find("#targetUrl").clear();
        browser.find("#targetUrl").sendKeys("javascript:alert(1)");
        browser.find("#enabled").click();
        browser.clickButton("Save");
        browser.waitUntil(driver -> !browser.findAll("#targetUrl-error").isEmpty());
        assertThat(browser.text("#targetUrl-error")).contains("https address");
        assertThat(browser.find("#targetUrl").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#headline").getAttribute("value")).isEqualTo("Spring sale");
        browser.assertNoSeriousAccessibilityProblems("console offer refused", REFUSED_FORM_422);
        browser.screenshot("console-offer-refused-desktop");

        browser.find("#targetUrl").clear();
        browser.find("#targetUrl").sendKeys("https://shop.example.com/sale");
        browser.clickButton("Save");
        browser.waitUntil(driver -> !browser.findAll("#enabled-error").isEmpty());
        assertThat(browser.text("#enabled-error")).contains(offer.headline());
        browser.assertNoSeriousAccessibilityProblems("console offer overlapping", REFUSED_FORM_422);
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("console-offer-overlap-phone");
    }

    private OrderView place() {
        TestCatalog products = new TestCatalog(catalog, inventory);
        String bowl = products.variant("TYBOWL", "ONE", "24.90", 50);
        String spoon = products.variant("TYSPOON", "ONE", "15.00", 50);
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email("ada@example.org", "Ada Lovelace"),
                "EUR",
                List.of(new PlaceOrder.Line(bowl, 2, null, null), new PlaceOrder.Line(spoon, 1, null, null)),
                new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH", null, "GB"),
                PaymentStatus.PAID,
                new java.math.BigDecimal("3.95"),
                null,
                null,
                null));
    }
}
