package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.Birthday;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.customers.ProfileDetails;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.privacy.PersonalDataRequests;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * An admin erases a customer's personal data from the console in a real headless Chromium: the
 * customer's page, the confirmation page (checked by axe-core, on a desktop and a phone width), and
 * the page afterwards. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class CustomerPrivacyBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    @Autowired
    PersonalDataRequests privacy;

    String adminEmail;
    CustomerId customer;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        adminEmail = "admin-" + tag + "@example.org";
        staff.createIfMissing(adminEmail, "Admin " + tag, PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
        String category = "garden-" + tag;
        catalog.upsert(new Catalog.VariantDescription(
                "GB-" + tag, "gb-" + tag, "Watering can", "", category, Money.of("18.00", "EUR")));
        customer = customers.findOrRegister(
                ContactDetails.email("rosalind-" + tag + "@example.org", "Rosalind Achterberg"));
        customers.updateProfileDetails(customer, new ProfileDetails(new Birthday(3, 9, 1985), List.of(category)));
    }

    @Test
    void anAdminErasesACustomersDataAfterConfirming() {
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        browser.open("/console/customers/" + customer);

        assertThat(browser.text("#profile-details-heading + dl")).contains("9 March 1985", "garden-");
        browser.assertNoSeriousAccessibilityProblems("customer page with personal data");
        browser.screenshot("customer-privacy-desktop");
        browser.find("a[href$='/erasure']").click();

        assertThat(browser.path()).isEqualTo("/console/customers/" + customer + "/erasure");
        assertThat(browser.text("h1")).contains("Rosalind Achterberg");
        browser.assertNoSeriousAccessibilityProblems("erasure confirmation");
        browser.screenshot("customer-erasure-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("confirmation scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("customer-erasure-phone");
        browser.width(Browser.DESKTOP);

        browser.find("#erasure-reason").sendKeys("Customer's request by e-mail");
        browser.find("input[name=confirmed]").click();
        browser.find("form button.danger").click();

        browser.waitUntil(urlToBe(browser.driver.getCurrentUrl().replace("/erasure", "")));
        assertThat(browser.text("[role=status]")).contains("Personal data erased");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Rosalind");
        assertThat(privacy.erasure(customer)).isPresent();
        browser.screenshot("customer-erased-desktop");
    }
}
