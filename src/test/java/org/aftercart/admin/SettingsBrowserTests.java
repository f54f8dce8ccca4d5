package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.StatusMappingSettings;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The branding and carrier mapping settings in a real headless Chromium, in English and French: the
 * brand's preview follows the form under the console's policy (no inline style), a wrong field is
 * shown next to it, a saved brand reaches a customer page at once; the mappings filter as one types,
 * a row's "Change" fills the form, a saved mapping is marked and removed again, all by keyboard.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class SettingsBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    BrandingSettings branding;

    @Autowired
    StatusMappingSettings mappings;

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

    String adminEmail;

    @BeforeEach
    void setUp() {
        adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.createIfMissing(adminEmail, "Admin", PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
    }

    @AfterEach
    void cleanUp() {
        branding.reset();
        mappings.remove("easypost", "in_transit", "weather_delay");
    }

    @Test
    void anAdminPreviewsSavesAndResetsTheBrandInEnglishAndFrench() {
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        browser.open("/console/settings");
        assertThat(browser.findAll(".settings-pages a").stream().map(link -> link.getText()))
                .containsExactly(
                        "Branding",
                        "Templates",
                        "Return policy",
                        "Return reasons",
                        "Carrier mappings",
                        "Webhooks",
                        "API keys");
        browser.assertNoSeriousAccessibilityProblems("settings");
        browser.screenshot("settings-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("settings scroll sideways on a phone")
                .isFalse();
        browser.screenshot("settings-phone");
        browser.width(Browser.DESKTOP);
        browser.openSettings("Branding");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Branding"));
        assertThat(previewColour(".brand-preview-button")).isEqualTo("rgb(15, 118, 110)");
        browser.assertNoSeriousAccessibilityProblems("branding settings");
        browser.screenshot("settings-branding-desktop");

        // The preview follows the form: a new colour and name, as an admin would pick them.
        WebElement shopName = browser.find("#shop-name");
        shopName.clear();
        shopName.sendKeys("Maison Lune");
        pickColour("#primary-colour", "#7c2d12");
        pickColour("#accent-colour", "#1e1b4b");
        browser.find("#logo-url").sendKeys("/images/demo-shop-logo.svg");
        browser.find("#greeting-fr").sendKeys("Bonjour {0}, votre colis arrive !");
        browser.waitUntil(attributeContains(By.cssSelector("#brand-preview link"), "href", "7c2d12"));
        browser.waitUntil(driver -> "rgb(124, 45, 18)".equals(previewColour(".brand-preview-button")));
        assertThat(previewColour(".brand-preview-header")).isEqualTo("rgb(30, 27, 75)");
        assertThat((Boolean) browser.script("return document.querySelector('.brand-preview-logo').naturalWidth > 0"))
                .as("the logo shows in the preview")
                .isTrue();
        // Each change asks for a new preview; the greeting's may come back after the colours'.
        browser.waitUntil(textToBePresentInElementLocated(
                By.cssSelector(".brand-preview-body"), "Bonjour Jo, votre colis arrive !"));
        assertThat(branding.saved()).as("a preview saves nothing").isEmpty();
        browser.assertNoSeriousAccessibilityProblems("branding preview");
        browser.screenshot("settings-branding-preview-desktop");

        // A wrong font is named next to its field; the rest of the draft stays.
        WebElement font = browser.find("#font-family");
        font.clear();
        font.sendKeys("Georgia; } body { display: none");
        browser.clickButton("Save the brand");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-error"), "not saved"));
        assertThat(browser.text("#font-family-error")).isEqualTo("Use font names, commas and quotes only.");
        assertThat(browser.find("#font-family").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#shop-name").getAttribute("value")).isEqualTo("Maison Lune");
        assertThat(branding.saved()).isEmpty();
        browser.assertNoSeriousAccessibilityProblems(
                "branding with an error", error -> error.contains("status of 422"));
        browser.screenshot("settings-branding-error-desktop");

        browser.find("#font-family").clear();
        browser.find("#font-family").sendKeys("Georgia, serif", Keys.ENTER);
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "Brand saved"));
        assertThat(branding.current().shopName()).isEqualTo("Maison Lune");

        // A customer page has it at once.
        browser.open("/help?lang=fr");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.brand-header')).backgroundColor"))
                .isEqualTo("rgb(30, 27, 75)");
        assertThat(browser.find(".brand-header .logo").getAttribute("alt")).isEqualTo("Maison Lune");
        browser.screenshot("settings-branding-help-centre-after");

        browser.open("/console/settings/branding?lang=fr");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Image de marque"));
        assertThat(browser.text(".branding-source")).startsWith("Enregistrée par staff:" + adminEmail);
        // Each change asks for a new preview; the greeting's may come back after the colours'.
        browser.waitUntil(textToBePresentInElementLocated(
                By.cssSelector(".brand-preview-body"), "Bonjour Jo, votre colis arrive !"));
        browser.assertNoSeriousAccessibilityProblems("branding settings in French");
        browser.screenshot("settings-branding-fr-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("branding settings scroll sideways")
                .isFalse();
        browser.screenshot("settings-branding-fr-phone");
        browser.width(Browser.DESKTOP);

        browser.clickButton("Revenir aux valeurs par défaut");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "réinitialisée"));
        assertThat(branding.saved()).isEmpty();
        assertThat(browser.find("#shop-name").getAttribute("value")).isEqualTo("Aftercart Demo Shop");
    }

    @Test
    void anAdminFiltersMapsAndUnmapsACarrierCodeInEnglishAndFrench() {
        String unknown = "teleported_" + UUID.randomUUID().toString().substring(0, 6);
        ShippedOrders shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
        ShipmentView parcel = tracking.shipmentsOf(
                        shipping.shipInParcels("mapping-" + UUID.randomUUID() + "@example.org", "MUG")
                                .order()
                                .id())
                .getFirst();
        intake.accept(
                "easypost",
                "{}",
                List.of(new CarrierReport(
                        "easypost",
                        "USPS",
                        Objects.requireNonNull(parcel.trackingNumber()),
                        null,
                        List.of(new CarrierEvent(Instant.now(), unknown, null, "Beamed up", null)))));
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        browser.openSettings("Carrier mappings");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Carrier status mappings"));
        assertThat(browser.text(".unmapped-list")).contains(unknown);
        browser.assertNoSeriousAccessibilityProblems("carrier mappings");
        browser.screenshot("settings-carrier-mappings-desktop");

        // The list filters as one types (htmx), and the address keeps the filter.
        new Select(browser.find("#filter-vocabulary")).selectByVisibleText("easypost");
        browser.find("#filter-code").sendKeys("weather");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("#mappings .result-status"), "1 mapping,"));
        assertThat(browser.text(".mapping-list tbody"))
                .contains("weather_delay")
                .doesNotContain("usps");
        assertThat(browser.driver.getCurrentUrl()).contains("vocabulary=easypost", "code=weather");

        // "Change" fills the form with the row; the status is chosen and saved with the keyboard.
        browser.find(".mapping-list tbody a").click();
        browser.waitUntil(
                driver -> "weather_delay".equals(browser.find("#map-detail").getAttribute("value")));
        assertThat(new Select(browser.find("#status")).getFirstSelectedOption().getText())
                .isEqualTo("Delayed (DELAYED)");
        new Select(browser.find("#status")).selectByValue("EXCEPTION");
        browser.find("#map-detail").sendKeys(Keys.ENTER);
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "Mapping saved"));
        assertThat(browser.text(".mapping-list tr.overridden"))
                .contains("in_transit", "weather_delay", "Problem in transit");
        browser.assertNoSeriousAccessibilityProblems("carrier mappings after a change");
        browser.screenshot("settings-carrier-mappings-changed-desktop");

        // A wrong field is named next to it.
        browser.open("/console/settings/carrier-mappings?lang=fr&vocabulary=easypost&code=weather");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Correspondance des statuts"));
        browser.find("#map-code").sendKeys("in_transit", Keys.ENTER);
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-error"), "pas été enregistrée"));
        assertThat(browser.text("#map-vocabulary-error")).contains("Choisissez un transporteur");
        assertThat(browser.text("#status-error")).isEqualTo("Choisissez un statut.");
        browser.assertNoSeriousAccessibilityProblems(
                "carrier mappings with errors in French", error -> error.contains("status of 422"));
        browser.screenshot("settings-carrier-mappings-error-fr-desktop");

        browser.open("/console/settings/carrier-mappings?lang=en&vocabulary=easypost&code=weather");
        browser.clickButton("Remove mine");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "removed"));
        assertThat(mappings.override("easypost", "in_transit", "weather_delay")).isEmpty();
        assertThat(browser.findAll(".mapping-list tr.overridden")).isEmpty();

        browser.open("/console/settings/carrier-mappings?lang=fr");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Correspondance des statuts"));
        browser.assertNoSeriousAccessibilityProblems("carrier mappings in French");
        browser.screenshot("settings-carrier-mappings-fr-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("carrier mappings scroll sideways")
                .isFalse();
        browser.screenshot("settings-carrier-mappings-fr-phone");
    }

    private Object previewColour(String css) {
        return browser.script("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", css);
    }

    /** A colour input takes no typing in Chromium: set as its picker would, with the event it sends. */
    private void pickColour(String css, String colour) {
        browser.script(
                "const input = document.querySelector(arguments[0]); input.value = arguments[1];"
                        + " input.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " input.dispatchEvent(new Event('change', {bubbles: true}));",
                css,
                colour);
    }
}
