package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.util.Set;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A store associate at the counter, in a real headless Chromium on a tablet's width: signs in,
 * finds a delivered web order by the customer's e-mail, takes back one item for store credit and
 * another for a refund, and gets a receipt each time; then looks the returns up in the console.
 * Screenshots land in target/screenshots; axe-core checks every page for serious problems.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class StoreReturnsBrowserTests extends ConsoleBrowserTestBase {

    private static final int TABLET = 768;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Returns returns;

    ConsoleTestData data;
    String associate;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        associate = "associate-" + data.tag + "@example.org";
        staff.createIfMissing(associate, "Associate " + data.tag, PASSWORD, Set.of(StaffAccounts.Role.ASSOCIATE));
    }

    @Test
    void anAssociateTakesBackOneItemForStoreCreditAndAnotherForARefund() {
        String store = data.store();
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();
        OrderView.Line socks = order.lines().get(1);
        browser.signIn(associate, PASSWORD, "/console/store-returns");
        browser.width(TABLET);

        browser.driver.findElement(By.linkText("Store returns")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Store returns"));
        browser.find("#q").sendKeys(data.email(), Keys.ENTER);
        browser.waitUntil(textToBePresentInElementLocated(By.id("order-heading"), order.number()));
        assertThat(browser.text(".store-return-form"))
                .contains("2 returnable, €25.00 each", "1 returnable, €6.00 each");
        browser.assertNoSeriousAccessibilityProblems("store counter");
        assertThat(browser.overflowsSideways())
                .as("the counter scrolls sideways on a tablet")
                .isFalse();
        browser.screenshot("store-returns-tablet");

        new Select(browser.find("#location")).selectByValue(store);
        setQuantity("quantity-" + shirts.id(), "1");
        new Select(browser.find("#reason-" + shirts.id())).selectByValue("too-small");
        new Select(browser.find("#outcome-" + shirts.id())).selectByValue(ReturnOutcome.STORE_CREDIT.name());
        browser.clickButton("Take the return and resolve it");

        browser.waitUntil(urlContains("/receipt"));
        assertThat(browser.text("h1")).isEqualTo("Return receipt");
        assertThat(browser.text("[role=status]")).contains("is done");
        assertThat(browser.text(".receipt")).contains("R-" + order.number() + "-1", "Store credit", "€25.00");
        assertThat(browser.text(".receipt")).doesNotContain("Refunded to the original payment");
        browser.assertNoSeriousAccessibilityProblems("store receipt");
        browser.screenshot("store-receipt-credit-tablet");

        browser.driver.findElement(By.linkText("Next customer")).click();
        browser.find("#q").sendKeys(order.number(), Keys.ENTER);
        browser.waitUntil(textToBePresentInElementLocated(By.id("order-heading"), order.number()));
        assertThat(new Select(browser.find("#location"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the store is remembered for the session")
                .isEqualTo(store);
        setQuantity("quantity-" + socks.id(), "1");
        new Select(browser.find("#reason-" + socks.id())).selectByValue("changed-mind");
        new Select(browser.find("#outcome-" + socks.id())).selectByValue(ReturnOutcome.REFUND.name());
        new Select(browser.find("#condition-" + socks.id())).selectByValue("OPENED");
        browser.clickButton("Take the return and resolve it");

        browser.waitUntil(urlContains("/receipt"));
        assertThat(browser.text(".receipt"))
                .contains("R-" + order.number() + "-2", "Refunded to the original payment", "€6.00");
        browser.assertNoSeriousAccessibilityProblems("store receipt with a refund");
        browser.screenshot("store-receipt-refund-tablet");

        assertThat(returns.ofOrder(order.id()))
                .extracting(ReturnView::status)
                .containsExactly(ReturnStatus.RESOLVED, ReturnStatus.RESOLVED);

        browser.driver.findElement(By.linkText("Return page")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "R-" + order.number() + "-2"));
        assertThat(browser.text(".return-timeline")).contains("staff:" + associate, "Resolved");
        browser.assertNoSeriousAccessibilityProblems("return page");
        browser.screenshot("return-tablet");

        browser.driver.findElement(By.linkText("Returns")).click();
        browser.find("#q").sendKeys(order.number(), Keys.ENTER);
        browser.waitUntil(driver -> browser.findAll(".return-list tbody tr").size() == 2);
        assertThat(browser.text(".return-list")).contains("R-" + order.number() + "-2", "In store", "€6.00");
        browser.assertNoSeriousAccessibilityProblems("return list");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("returns-tablet");
        browser.width(Browser.DESKTOP);
        browser.screenshot("returns-desktop");
    }

    @Test
    void inFrenchTheCounterSuggestsTheProductsOtherSizesForAnExchange() {
        String store = data.store();
        String larger = data.largerShirt(store);
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();
        browser.signIn(associate, PASSWORD, "/console/store-returns");
        browser.width(TABLET);

        browser.open("/console/store-returns?lang=fr&q=" + order.number());
        browser.waitUntil(textToBePresentInElementLocated(By.id("order-heading"), order.number()));

        assertThat(browser.text("h1")).isEqualTo("Retours en magasin");
        String suggestions = browser.find("#exchange-" + shirts.id()).getAttribute("list");
        assertThat(browser.findAll("#" + suggestions + " option"))
                .extracting(option -> option.getAttribute("value"))
                .containsExactly(larger);
        browser.assertNoSeriousAccessibilityProblems("store counter in French");
        browser.screenshot("store-returns-fr-tablet");
    }

    @Test
    void anExchangeIsHandedOverFromTheStoresShelfAfterTheShelfLackedTheFirstChoice() {
        String store = data.store();
        String larger = data.largerShirt(store);
        String largest = data.largestShirtInTheWarehouseOnly();
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();
        browser.signIn(associate, PASSWORD, "/console/store-returns");
        browser.width(TABLET);
        browser.open("/console/store-returns?q=" + order.number());
        browser.waitUntil(textToBePresentInElementLocated(By.id("order-heading"), order.number()));

        new Select(browser.find("#location")).selectByValue(store);
        exchange(shirts, largest);
        browser.clickButton("Take the return and resolve it");

        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "not on the shelf"));
        assertThat(browser.text("[role=alert]")).contains(largest + " is not on the shelf at " + store);
        assertThat(browser.text(".shelf-suggestions"))
                .contains("On the shelf at " + store + " instead", larger, "3 on the shelf", "ship the replacement");
        assertThat(returns.ofOrder(order.id())).as("nothing was taken back").isEmpty();
        String suggestions = browser.find("#exchange-" + shirts.id()).getAttribute("list");
        assertThat(browser.findAll("#" + suggestions + " option"))
                .extracting(option -> option.getAttribute("textContent"))
                .anySatisfy(text -> assertThat(text).contains("3 on the shelf at " + store))
                .anySatisfy(text -> assertThat(text).contains("0 on the shelf at " + store));
        browser.assertNoSeriousAccessibilityProblems("store counter, replacement not on the shelf");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("store-exchange-not-on-shelf-tablet");

        exchange(shirts, larger);
        assertThat(browser.find("#exchange-delivery-shelf").isSelected()).isTrue();
        browser.clickButton("Take the return and resolve it");

        browser.waitUntil(urlContains("/receipt"));
        ReturnView done = returns.ofOrder(order.id()).getFirst();
        assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(browser.text(".receipt"))
                .contains("Replacement handed over from the shelf, order", done.exchangeOrderNumber());
        assertThat(inventory.stockOf(larger))
                .filteredOn(level -> level.locationCode().equals(store))
                .singleElement()
                .satisfies(level -> assertThat(level.onHand()).isEqualTo(2))
                .satisfies(level -> assertThat(level.reserved()).isZero());
        browser.assertNoSeriousAccessibilityProblems("store receipt of an exchange from the shelf");
        browser.screenshot("store-receipt-exchange-from-shelf-tablet");
    }

    @Test
    void inFrenchTheCounterRefusesAnExchangeTheShelfLacksAndHandsOverAnother() {
        String store = data.store();
        String larger = data.largerShirt(store);
        String largest = data.largestShirtInTheWarehouseOnly();
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();
        browser.signIn(associate, PASSWORD, "/console/store-returns");
        browser.width(TABLET);
        browser.open("/console/store-returns?lang=fr&q=" + order.number());
        browser.waitUntil(textToBePresentInElementLocated(By.id("order-heading"), order.number()));
        assertThat(browser.text(".exchange-delivery"))
                .contains("Le remettre tout de suite depuis le rayon de ce magasin", "L’expédier depuis un autre site");

        new Select(browser.find("#location")).selectByValue(store);
        exchange(shirts, largest);
        browser.clickButton("Prendre le retour et le traiter");

        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "pas en rayon"));
        assertThat(browser.text("[role=alert]")).contains(largest + " n’est pas en rayon à " + store);
        assertThat(browser.text(".shelf-suggestions"))
                .contains("En rayon à " + store + " à la place", larger, "3 en rayon");
        browser.assertNoSeriousAccessibilityProblems("store counter in French, replacement not on the shelf");
        browser.screenshot("store-exchange-not-on-shelf-fr-tablet");

        exchange(shirts, larger);
        browser.clickButton("Prendre le retour et le traiter");

        browser.waitUntil(urlContains("/receipt"));
        assertThat(browser.text(".receipt")).contains("Article de remplacement remis depuis le rayon, commande");
        browser.screenshot("store-receipt-exchange-from-shelf-fr-tablet");
    }

    @Test
    void theCounterSaysWhyALineCannotBeReturned() {
        OrderView notShipped = data.webOrder();
        browser.signIn(associate, PASSWORD, "/console/store-returns");
        browser.open("/console/store-returns?q=" + notShipped.number());

        assertThat(browser.text(".refused-lines")).contains("Not returnable", "not-shipped", "has shipped yet");
        assertThat(browser.findAll(".store-return-form")).isEmpty();
        browser.assertNoSeriousAccessibilityProblems("store counter with refusals");
        browser.screenshot("store-returns-refused-desktop");
    }

    /** One unit of the line exchanged for the given SKU. */
    private void exchange(OrderView.Line line, String sku) {
        setQuantity("quantity-" + line.id(), "1");
        new Select(browser.find("#reason-" + line.id())).selectByValue("too-small");
        new Select(browser.find("#outcome-" + line.id())).selectByValue(ReturnOutcome.EXCHANGE.name());
        var field = browser.find("#exchange-" + line.id());
        field.clear();
        field.sendKeys(sku);
    }

    private void setQuantity(String id, String value) {
        var field = browser.find("#" + id);
        field.clear();
        field.sendKeys(value);
    }
}
