package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.aftercart.admin.Browser;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.labels.DropOffCodes;
import org.aftercart.tracking.TrackingLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer's returns portal in a real headless Chromium: the guest lookup, the form with a
 * line the policy refuses, the request, the return's page with its label, and what a stranger or
 * a wrong lookup gets. axe-core checks every page; screenshots land in target/screenshots.
 */
@ReturnsIntegrationTest
class ReturnsPortalBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Returns returns;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    TrackingLinks trackingLinks;

    @Autowired
    DropOffCodes dropOffCodes;

    static Browser browser;

    ReturnFixtures fixtures;

    @BeforeEach
    void setUp() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.driver.manage().deleteAllCookies();
        browser.width(Browser.DESKTOP);
        fixtures = new ReturnFixtures(catalog, inventory, orders);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aGuestLooksUpTheOrderAsksForAReturnAndDownloadsTheLabel() {
        String jeans = fixtures.products.variant("JEANS", "32", "40.00", 5);
        String clearance = fixtures.finalSaleVariant("15.00");
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(jeans, 2);
        lines.put(clearance, 1);
        OrderView order = fixtures.delivered(lines);

        browser.open("/returns?lang=en");
        browser.assertNoSeriousAccessibilityProblems("returns lookup");
        browser.screenshot("returns-lookup-en-desktop");
        browser.find("#orderNumber").sendKeys(order.number());
        browser.find("#contact").sendKeys(order.email());
        browser.clickButton("Find my order");
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + order.id().id()));

        assertThat(browser.text("h1")).isEqualTo("Return items of order " + order.number());
        assertThat(browser.text(".return-line.refused"))
                .as("the refused line names the rule in the customer's words")
                .contains("was sold as final sale and cannot be returned");
        assertThat(browser.findAll("#line-0-reason optgroup")).isNotEmpty();
        assertThat(browser.text("main")).contains("+10 % bonus");
        browser.assertNoSeriousAccessibilityProblems("return form");
        browser.screenshot("returns-form-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("form scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("returns-form-en-phone");
        browser.width(Browser.DESKTOP);

        // Nothing chosen: the error summary links to the field, nothing is written.
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> !browser.findAll(".error-summary").isEmpty());
        assertThat(browser.text(".error-summary")).contains("Choose at least one item to return.");
        assertThat(returns.ofOrder(order.id())).isEmpty();
        browser.assertNoSeriousAccessibilityProblems("return form with errors");

        new Select(browser.find("#line-0-quantity")).selectByValue("1");
        new Select(browser.find("#line-0-reason")).selectByValue("too-small");
        browser.find("#line-0-outcome-STORE_CREDIT").click();
        assertThat(browser.text("#estimate"))
                .as("the estimate follows the choices, with the store credit bonus")
                .isEqualTo("You will get back about €44.00");
        browser.find("#line-0-outcome-REFUND").click();
        assertThat(browser.text("#estimate")).isEqualTo("You will get back about €40.00");
        browser.find("#method-MAIL").click();
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> browser.findAll("#status").size() == 1);

        ReturnView created = returns.ofOrder(order.id()).getFirst();
        assertThat(created.channel()).isEqualTo(ReturnChannel.PORTAL);
        assertThat(created.items()).singleElement().satisfies(item -> {
            assertThat(item.sku()).isEqualTo(jeans);
            assertThat(item.quantity()).isEqualTo(1);
        });
        assertThat(browser.path()).isEqualTo("/returns/" + created.id().id());
        assertThat(browser.text("h1")).isEqualTo("Return " + created.number());
        assertThat(browser.text("#status")).isEqualTo("Approved: send the items back");
        assertThat(browser.find("#label-link").getText())
                .as("the built-in label is not prepaid, and the page does not say it is")
                .isEqualTo("Download your return label (PDF)");
        browser.assertNoSeriousAccessibilityProblems("return page");
        browser.screenshot("returns-return-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-return-en-phone");

        String download = (String)
                browser.driver.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('#label-link').href)
                    .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                        + new TextDecoder().decode(b.slice(0, 5)))))
                    .catch(e => done(String(e)));
                """);
        assertThat(download).isEqualTo("200 application/pdf %PDF-");
        assertThat(returns.find(created.id()).orElseThrow().trackingNumber())
                .as("the label's parcel is recorded on the return")
                .isEqualTo("AC-RET-" + created.number());

        browser.open("/returns/" + created.id().id() + "?lang=fr");
        assertThat(browser.text("#status")).isEqualTo("Accepté : renvoyez les articles");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        browser.assertNoSeriousAccessibilityProblems("return page in French");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-return-fr-phone");
        browser.open("/returns/orders/" + order.id().id());
        assertThat(browser.text(".return-line.refused")).contains("vente finale et ne peut pas être retourné");
        browser.assertNoSeriousAccessibilityProblems("return form in French");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-form-fr-phone");
        browser.width(Browser.DESKTOP);
        browser.screenshot("returns-form-fr-desktop");
        browser.open("/returns?lang=en");

        // Another browser, which proved nothing, sees neither the return nor its label.
        browser.driver.manage().deleteAllCookies();
        browser.open("/returns/" + created.id().id());
        assertThat(browser.text("h1")).isEqualTo("We cannot show this page");
        String stranger = (String) browser.driver.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(String(r.status))).catch(e => done(String(e)));
                """,
                "/returns/" + created.id().id() + "/label.pdf");
        assertThat(stranger).isEqualTo("404");
        browser.consoleErrors();
        browser.open("/returns?lang=en");
    }

    @Test
    void aReasonThatNeedsAPhotoAsksForOneAndAnInStoreReturnShowsItsCode() throws Exception {
        String store = "PORTAL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        inventory.defineLocation(new Location(store, "Leeds Briggate", Location.Kind.STORE, "GB", 900));
        String lamp = fixtures.products.variant("LAMP", "ONE", "60.00", 5);
        OrderView order = fixtures.delivered(lamp, 1);
        Path photo = Files.createTempFile("damaged-lamp-", ".png");
        Files.write(photo, dropOffCodes.png("damaged lamp", 64));

        browser.width(Browser.PHONE);
        browser.open("/returns?lang=en");
        browser.find("#orderNumber").sendKeys(order.number());
        browser.find("#contact").sendKeys(order.email());
        browser.clickButton("Find my order");
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + order.id().id()));

        new Select(browser.find("#line-0-quantity")).selectByValue("1");
        new Select(browser.find("#line-0-reason")).selectByValue("damaged");
        browser.find("#method-IN_STORE").click();
        new Select(browser.find("#store")).selectByValue(store);
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> !browser.findAll(".error-summary").isEmpty());
        assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#line-0-photos");
        assertThat(browser.text(".error-summary")).contains("this reason needs a photo");
        assertThat(browser.find("#line-0-photos").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#line-0-photos").getAttribute("aria-describedby"))
                .contains("line-0-photos-error");
        assertThat(browser.text("#line-0-photos-error")).contains("this reason needs a photo");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("error-summary");
        assertThat(new Select(browser.find("#line-0-reason"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the customer's choices are kept")
                .isEqualTo("damaged");
        assertThat(returns.ofOrder(order.id())).isEmpty();
        browser.assertNoSeriousAccessibilityProblems("return form asking for a photo");
        browser.screenshot("returns-form-errors-en-phone");

        browser.find("#line-0-photos").sendKeys(photo.toString());
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> browser.findAll("#status").size() == 1);

        ReturnView created = returns.ofOrder(order.id()).getFirst();
        assertThat(created.method()).isEqualTo(ReturnMethod.IN_STORE);
        assertThat(created.locationCode()).isEqualTo(store);
        assertThat(browser.text("#status"))
                .as("a damaged item waits for a person to look at the photo")
                .isEqualTo("Requested, waiting for approval");
        assertThat(browser.find(".drop-off-code-box svg").getAttribute("role")).isEqualTo("img");
        assertThat(browser.text("main")).contains("Bring the items to Leeds Briggate");
        assertThat(browser.findAll("#label-link")).isEmpty();
        browser.assertNoSeriousAccessibilityProblems("in-store return page");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-in-store-en-phone");

        browser.clickButton("Cancel this return");
        browser.waitUntil(driver -> browser.findAll("#status").size() == 1
                && browser.text("#status").equals("Cancelled"));
        assertThat(returns.find(created.id()).orElseThrow().status()).isEqualTo(ReturnStatus.CANCELLED);
        browser.open("/returns?lang=en");
    }

    @Test
    void aCustomerExchangesForAnotherSize() {
        String small = fixtures.products.variant("TEE", "S", "25.00", 5);
        String medium = fixtures.products.variant("TEE", "M", "25.00", 5);
        String large = fixtures.products.variant("TEE", "L", "25.00", 5);
        String extraLarge = fixtures.products.variant("TEE", "XL", "28.50", 5);
        OrderView order = fixtures.delivered(medium, 1);

        lookUp(order);
        Select exchangeFor = new Select(browser.find("#line-0-exchange"));
        assertThat(exchangeFor.getOptions())
                .as("every size of the product is offered, small to large, the one bought marked")
                .extracting(option -> option.getAttribute("value"))
                .containsExactly(small, medium, large, extraLarge);
        assertThat(exchangeFor.getFirstSelectedOption().getText()).isEqualTo("M (same)");
        assertThat(exchangeFor.getOptions().getLast().getText())
                .isEqualTo("XL (€3.50 more per item, to pay on the new order)");
        assertThat(browser.text("label[for=line-0-exchange]")).isEqualTo("Exchange for (if you chose an exchange)");
        assertThat(browser.text("#line-0-instant-help"))
                .isEqualTo("We send the new item now; until your return arrives we hold €25.00 per item"
                        + " on your original payment method.");
        assertThat(browser.find("#line-0-outcome-INSTANT_EXCHANGE").getAttribute("aria-describedby"))
                .isEqualTo("line-0-instant-help");
        browser.assertNoSeriousAccessibilityProblems("return form with exchange choices");
        browser.screenshot("returns-form-exchange-en-desktop");

        new Select(browser.find("#line-0-quantity")).selectByValue("1");
        new Select(browser.find("#line-0-reason")).selectByValue("too-small");
        browser.find("#line-0-outcome-EXCHANGE").click();
        exchangeFor.selectByValue(large);
        browser.find("#method-MAIL").click();
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> browser.findAll("#status").size() == 1);

        ReturnView created = returns.ofOrder(order.id()).getFirst();
        assertThat(created.items()).singleElement().satisfies(item -> {
            assertThat(item.outcome()).isEqualTo(ReturnOutcome.EXCHANGE);
            assertThat(item.exchangeSku()).isEqualTo(large);
        });
        assertThat(browser.text(".items")).contains("In exchange: Product TEE – L");
        assertThat(browser.findAll("#exchange-order"))
                .as("a later exchange ships once the return arrives")
                .isEmpty();
        browser.assertNoSeriousAccessibilityProblems("return page of an exchange");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-exchange-en-phone");
        browser.open("/returns?lang=en");
    }

    @Test
    void anInstantExchangeShowsItsReplacementOrderAtOnce() {
        String blue = fixtures.products.variant("HOODIE", "BLUE", "50.00", 5);
        String green = fixtures.products.variant("HOODIE", "GREEN", "50.00", 5);
        OrderView order = fixtures.delivered(blue, 1);

        browser.width(Browser.PHONE);
        lookUp(order);
        new Select(browser.find("#line-0-quantity")).selectByValue("1");
        new Select(browser.find("#line-0-reason")).selectByValue("changed-mind");
        browser.find("#line-0-outcome-INSTANT_EXCHANGE").click();
        new Select(browser.find("#line-0-exchange")).selectByValue(green);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-form-instant-exchange-en-phone");
        browser.find("#method-DROP_OFF").click();
        browser.clickButton("Request the return");
        browser.waitUntil(driver -> browser.findAll("#status").size() == 1);

        ReturnView created = returns.ofOrder(order.id()).getFirst();
        assertThat(created.status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(created.items()).singleElement().satisfies(item -> {
            assertThat(item.outcome()).isEqualTo(ReturnOutcome.INSTANT_EXCHANGE);
            assertThat(item.exchangeSku()).isEqualTo(green);
        });
        assertThat(created.exchangeOrderNumber())
                .as("approval placed the replacement, secured by the hold")
                .isNotNull();
        assertThat(browser.text("#exchange-order"))
                .isEqualTo("Your new item is on its way in order " + created.exchangeOrderNumber() + ".");
        assertThat(browser.text(".items")).contains("In exchange: Product HOODIE – GREEN");
        assertThat(browser.findAll("button"))
                .as("the replacement is out: the return can no longer be cancelled")
                .noneMatch(button -> button.getText().equals("Cancel this return"));
        browser.assertNoSeriousAccessibilityProblems("return page of an instant exchange");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-instant-exchange-en-phone");

        browser.open("/returns/" + created.id().id() + "?lang=fr");
        assertThat(browser.text("#exchange-order"))
                .isEqualTo("Votre nouvel article est en route dans la commande " + created.exchangeOrderNumber() + ".");
        browser.assertNoSeriousAccessibilityProblems("return page of an instant exchange in French");
        browser.screenshot("returns-instant-exchange-fr-phone");
        browser.open("/returns?lang=en");
    }

    private void lookUp(OrderView order) {
        browser.open("/returns?lang=en");
        browser.find("#orderNumber").sendKeys(order.number());
        browser.find("#contact").sendKeys(order.email());
        browser.clickButton("Find my order");
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + order.id().id()));
    }

    @Test
    void aWrongLookupIsRefusedAndAnotherOrderIsNotFound() {
        String mug = fixtures.products.variant("MUG", "ONE", "20.00", 5);
        OrderView mine = fixtures.delivered(mug, 1);
        OrderView theirs = fixtures.delivered(mug, 1);

        browser.width(Browser.PHONE);
        browser.open("/returns?lang=en");
        browser.find("#orderNumber").sendKeys(mine.number());
        browser.find("#contact").sendKeys("someone-else@example.org");
        browser.clickButton("Find my order");
        browser.waitUntil(driver -> !browser.findAll("#lookup-error").isEmpty());
        assertThat(browser.text("#lookup-error"))
                .isEqualTo("No order matches these details. Check them and try again.");
        browser.assertNoSeriousAccessibilityProblems("refused lookup");
        browser.screenshot("returns-lookup-refused-en-phone");

        browser.find("#contact").sendKeys("LS1 4AP");
        browser.clickButton("Find my order");
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + mine.id().id()));

        browser.open("/returns/orders/" + theirs.id().id() + "?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Nous ne pouvons pas afficher cette page");
        browser.assertNoSeriousAccessibilityProblems(
                "another order's page",
                error -> error.contains("/returns/orders/" + theirs.id().id()));
        browser.screenshot("returns-not-found-fr-phone");
        browser.open("/returns?lang=en");
    }

    @Test
    void theTrackingPageLeadsToTheOrdersReturns() {
        String cap = fixtures.products.variant("CAP", "ONE", "25.00", 5);
        OrderView order = fixtures.delivered(cap, 1);

        browser.open(trackingLinks.pathFor(order.id()) + "?lang=en");
        browser.driver.findElement(By.linkText("Return or exchange items")).click();
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + order.id().id()));
        assertThat(browser.text("h1")).isEqualTo("Return items of order " + order.number());
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndNothingIsWritten() throws Exception {
        String belt = fixtures.products.variant("BELT", "ONE", "20.00", 5);
        OrderView order = fixtures.delivered(belt, 1);
        String line = order.lines().getFirst().id().toString();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/returns/orders/"
                                        + order.id().id()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("lines[0].orderLineId=" + line
                                        + "&lines[0].quantity=1&lines[0].reasonCode=too-small"
                                        + "&lines[0].outcome=REFUND&method=MAIL"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(returns.ofOrder(order.id())).isEmpty();
    }
}
