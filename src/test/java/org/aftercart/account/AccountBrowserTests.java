package org.aftercart.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.aftercart.admin.Browser;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.Birthday;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.NotificationsTestSupport;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.Wallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The customer's account in a real headless Chromium, in English and French: signing in with the
 * e-mailed link, the order list, a change shown with its price difference before it is confirmed,
 * a cancellation, balances, preferences, and another customer's order. axe-core checks every
 * page; screenshots land in target/screenshots.
 */
@AccountIntegrationTest
class AccountBrowserTests extends AccountTestBase {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SignInTokens tokens;

    @Autowired
    OrderManagement orders;

    @Autowired
    Customers customers;

    @Autowired
    Wallet wallet;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    static Browser browser;

    ShippedOrders shop;

    @BeforeEach
    void setUp() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.driver.manage().deleteAllCookies();
        browser.width(Browser.DESKTOP);
        shop = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aCustomerSignsInWithTheMailedLinkChangesAndCancelsOrdersAndSavesPreferences() throws Exception {
        String email = SignInIntegrationTests.unique("grace");
        OrderView toChange = shop.placeOnly(email, "Cashmere scarf", "Wool gloves");
        OrderView toCancel = shop.placeOnly(email, "Bobble hat");
        OrderView shipped = shop.shipInParcels(email, "Walking boots").order();
        CustomerId customer = CustomerId.of(toChange.customerId());
        wallet.grantStoreCredit(
                customer, Money.of("15.00", "EUR"), Money.zero(Money.currency("EUR")), "Return R-1", key());

        browser.open("/account?lang=en");
        browser.waitUntil(ExpectedConditions.urlContains("/account/sign-in"));
        browser.assertNoSeriousAccessibilityProblems("sign-in");
        browser.screenshot("account-sign-in-en-desktop");
        browser.find("#email").sendKeys(email);
        browser.clickButton("Send me a sign-in link");
        browser.waitUntil(ExpectedConditions.urlContains("/account/sign-in/sent"));
        assertThat(browser.text("#sent")).isEqualTo("If we know this address, a sign-in link is on its way.");
        browser.assertNoSeriousAccessibilityProblems("link sent");

        NotificationsTestSupport.deliverExpress(context);
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(email);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        String token = SignInIntegrationTests.token(
                SignInIntegrationTests.part(mail, "text/plain").orElseThrow());
        browser.open("/account/sign-in/confirm?token=" + token);
        browser.assertNoSeriousAccessibilityProblems("sign-in confirmation");
        browser.clickButton("Sign in");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your account"));

        assertThat(browser.text("#orders")).contains(toChange.number(), toCancel.number(), shipped.number());
        assertThat(browser.text("#balances")).contains("€15.00");
        browser.assertNoSeriousAccessibilityProblems("account");
        browser.screenshot("account-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("account page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("account-en-phone");
        browser.width(Browser.DESKTOP);

        // A change, shown with its price difference before it is confirmed.
        browser.open("/account/orders/" + toChange.id().id());
        browser.assertNoSeriousAccessibilityProblems("order");
        browser.screenshot("account-order-en-desktop");
        browser.find("#quantity-1").clear();
        browser.find("#quantity-1").sendKeys("3");
        browser.driver
                .findElement(By.cssSelector("button[aria-label='Change the quantity of "
                        + toChange.lines().getFirst().title() + "']"))
                .click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("preview-difference")));
        assertThat(browser.text("#preview-difference"))
                .isEqualTo("The difference, €20.00, will be charged to your payment method.");
        assertThat(orders.find(toChange.id()).orElseThrow().version()).isEqualTo(toChange.version());
        browser.assertNoSeriousAccessibilityProblems("change preview");
        browser.screenshot("account-change-preview-en-desktop");
        browser.clickButton("Confirm the change");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.text("#done")).isEqualTo("Your order has been changed.");
        assertThat(orders.find(toChange.id()).orElseThrow().total())
                .isEqualTo(toChange.total().plus(Money.of("20.00", "EUR")));

        // A cancellation.
        browser.open("/account/orders/" + toCancel.id().id());
        browser.find("#cancel-link").click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("cancel-refund")));
        browser.assertNoSeriousAccessibilityProblems("cancel");
        browser.clickButton("Cancel the order");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(orders.find(toCancel.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);

        // A shipped order: its parcel, the return hand-over and the reorder link.
        browser.open("/account/orders/" + shipped.id().id());
        assertThat(browser.text("main")).contains("La Poste");
        assertThat(browser.findAll("#cancel-link")).isEmpty();
        assertThat(browser.find("#reorder-link").getAttribute("href")).startsWith("https://shop.example.com/cart/");
        browser.find("#return-link").click();
        browser.waitUntil(
                ExpectedConditions.urlContains("/returns/orders/" + shipped.id().id()));

        // Preferences.
        browser.open("/account");
        new Select(browser.find("#channel-out-for-delivery")).selectByValue("SMS");
        // Typing into a time field depends on the browser's locale; its value does not.
        browser.script("arguments[0].value = '22:00'", browser.find("#quietHoursStart"));
        browser.script("arguments[0].value = '07:00'", browser.find("#quietHoursEnd"));
        browser.find("#timeZone").sendKeys("Europe/Paris");
        browser.clickButton("Save my preferences");
        browser.waitUntil(driver ->
                !browser.findAll("#preferences-saved, #preference-errors").isEmpty());
        assertThat(browser.findAll("#preference-errors"))
                .as(browser.text("#preferences"))
                .isEmpty();
        assertThat(customers.contactPreferences(customer).orElseThrow().channelFor("out-for-delivery"))
                .isEqualTo(ContactChannel.SMS);
        assertThat(customers.contactPreferences(customer).orElseThrow().timeZone())
                .hasToString("Europe/Paris");

        // In French.
        browser.open("/account?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Votre compte");
        assertThat(browser.text("#preferences")).contains("Comment nous vous contactons");
        browser.assertNoSeriousAccessibilityProblems("account in French");
        browser.screenshot("account-fr-desktop");
        browser.open("/account/orders/" + toChange.id().id());
        assertThat(browser.text("h1")).isEqualTo("Commande " + toChange.number());
        browser.assertNoSeriousAccessibilityProblems("order in French");
        browser.screenshot("account-order-fr-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("account-order-fr-phone");
        browser.width(Browser.DESKTOP);
        browser.open("/account?lang=en");

        // Signing out.
        browser.find("header .sign-out button").click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        browser.open("/account");
        browser.waitUntil(ExpectedConditions.urlContains("/account/sign-in"));
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        OrderView mine = shop.placeOnly(SignInIntegrationTests.unique("ada"), "Notebook");
        OrderView theirs = shop.placeOnly(SignInIntegrationTests.unique("mary"), "Notebook");
        browser.open(AccountSessions.signInPath(tokens, CustomerId.of(mine.customerId())) + "&lang=en");
        browser.clickButton("Sign in");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your account"));

        browser.open("/account/orders/" + theirs.id().id());
        assertThat(browser.text("h1")).isEqualTo("We cannot find this order");
        assertThat(browser.text("main")).doesNotContain(theirs.number());
        browser.assertNoSeriousAccessibilityProblems("order not found", error -> error.contains("404"));
        browser.screenshot("account-not-found-en-desktop");
    }

    @Test
    void aUsedLinkIsRefusedInTheBrowser() {
        OrderView mine = shop.placeOnly(SignInIntegrationTests.unique("used"), "Pencil");
        String link = AccountSessions.signInPath(tokens, CustomerId.of(mine.customerId()));
        browser.open(link + "&lang=fr");
        browser.clickButton("Me connecter");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Votre compte"));
        browser.driver.manage().deleteAllCookies();

        browser.open(link + "&lang=fr");
        browser.clickButton("Me connecter");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertThat(browser.text("#refused")).startsWith("Ce lien de connexion a expiré ou a déjà servi.");
        browser.assertNoSeriousAccessibilityProblems("refused link in French");
        browser.screenshot("account-sign-in-refused-fr-desktop");
    }

    @Test
    void aCustomerGivesTheirBirthdayThenDeletesTheirAccountInFrench() {
        String email = SignInIntegrationTests.unique("leaving");
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Louise Départ"));
        wallet.grantStoreCredit(customer, Money.of("7.50", "EUR"), Money.zero(Money.currency("EUR")), "Geste", key());
        browser.open(AccountSessions.signInPath(tokens, customer) + "&lang=fr");
        browser.clickButton("Me connecter");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Votre compte"));

        new Select(browser.find("#birthDay")).selectByValue("14");
        new Select(browser.find("#birthMonth")).selectByVisibleText("juillet");
        browser.find("#birthYear").sendKeys("2031");
        browser.clickButton("Enregistrer mes informations");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("profile-errors")));
        assertThat(browser.text("#profile-errors")).contains("Cette date n’existe pas ou n’est pas encore passée");
        browser.assertNoSeriousAccessibilityProblems("profile refused in French");
        browser.find("#birthYear").clear();
        browser.clickButton("Enregistrer mes informations");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("profile-saved")));
        assertThat(customers.profileDetails(customer).orElseThrow().birthday()).isEqualTo(new Birthday(7, 14, null));
        browser.width(Browser.PHONE);
        browser.screenshot("account-profile-fr-phone");

        browser.find("#delete-account").click();
        browser.waitUntil(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Supprimer votre compte ?"));
        assertThat(browser.text("#credit-lost")).contains("7,50 €");
        browser.assertNoSeriousAccessibilityProblems("account deletion in French");
        browser.screenshot("account-delete-fr-phone");
        browser.find("#understood").click();
        browser.clickButton("Supprimer mon compte");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("account-deleted")));
        assertThat(browser.text("#account-deleted")).startsWith("Votre compte est supprimé");
        assertThat(customers.find(customer).orElseThrow().email()).isNull();
        browser.open("/account");
        browser.waitUntil(ExpectedConditions.urlContains("/account/sign-in"));
    }

    @Test
    void aCustomerSendsAnOrderToAnotherAddressOnAPhone() {
        OrderView order = shop.placeOnly(SignInIntegrationTests.unique("moving"), "Doormat");
        browser.open(AccountSessions.signInPath(tokens, CustomerId.of(order.customerId())) + "&lang=en");
        browser.clickButton("Sign in");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your account"));
        browser.width(Browser.PHONE);
        browser.open("/account/orders/" + order.id().id());
        assertThat(browser.find("#help-link").getAttribute("href")).contains("/help/for/change-order");

        browser.find("#change-address").click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("line1")));
        browser.find("#postcode").clear();
        browser.find("#line1").clear();
        browser.find("#line1").sendKeys("12 Canal Street");
        browser.driver.executeScript(
                "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        browser.clickButton("Send it there");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("address-errors")));
        assertThat(browser.text("#address-errors")).contains("Give the postcode.");
        browser.assertNoSeriousAccessibilityProblems("address refused", error -> error.contains("400"));
        browser.screenshot("account-address-refused-en-phone");
        browser.find("#postcode").sendKeys("75003");
        browser.clickButton("Send it there");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.text("#ship-to")).contains("12 Canal Street", "75003");
        browser.assertNoSeriousAccessibilityProblems("address changed");
        browser.screenshot("account-address-changed-en-phone");
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
