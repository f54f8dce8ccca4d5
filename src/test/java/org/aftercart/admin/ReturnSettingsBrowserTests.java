package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.util.Set;
import java.util.UUID;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.returns.ReturnPolicySettings;
import org.aftercart.returns.ReturnReasonSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The return policy and return reasons pages in a real headless Chromium, in English and French, on
 * a desktop and a phone: a mistake shown beside its field, a save shown in what customers see, a
 * reason added, moved and deactivated, each page checked with axe and photographed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class ReturnSettingsBrowserTests extends ConsoleBrowserTestBase {

    @Autowired
    ReturnPolicySettings policies;

    @Autowired
    ReturnReasonSettings reasons;

    String adminEmail;

    @BeforeEach
    void setUp() {
        adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.createIfMissing(adminEmail, "Admin", PASSWORD, Set.of(StaffAccounts.Role.ADMIN));
    }

    @AfterEach
    void signOutAndResetThePolicy() {
        policies.reset();
    }

    @Test
    void theReturnPolicyIsEditedWithItsMistakesShownAndItsEffectSummarised() {
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        browser.openSettings("Return policy");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Return policy"));
        assertThat(browser.text(".policy-summary")).contains("Returns accepted within 30 days of delivery.");
        browser.assertNoSeriousAccessibilityProblems("return policy");
        browser.screenshot("return-policy-desktop");

        replace("#windowDays", "-2");
        replace("#allowedCountries", "GB, Narnia");
        browser.clickButton("Save the policy");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-error"), "not saved"));
        assertThat(browser.text("#windowDays-error")).contains("whole number of days");
        assertThat(browser.text("#allowedCountries-error")).contains("two-letter");
        assertThat(browser.find("#windowDays").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#allowedCountries").getAttribute("value")).isEqualTo("GB, Narnia");
        browser.assertNoSeriousAccessibilityProblems("return policy with mistakes", error -> error.contains("422"));
        browser.screenshot("return-policy-mistakes-desktop");

        replace("#windowDays", "21");
        replace("#allowedCountries", "GB, FR");
        replace("#category-0", "shoes");
        replace("#category-days-0", "60");
        browser.clickButton("Save the policy");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "saved"));
        assertThat(browser.text(".policy-summary"))
                .contains("Returns accepted within 21 days of delivery.")
                .contains("shoes: returns accepted within 60 days")
                .contains("Only orders shipped to FR, GB can be returned.");
        assertThat(browser.find("#category-0").getAttribute("value")).isEqualTo("shoes");
        assertThat(browser.find("#category-1").getAttribute("value"))
                .as("a blank row to add another")
                .isEmpty();
        browser.screenshot("return-policy-saved-desktop");

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Politique de retour"));
        assertThat(browser.text(".policy-summary"))
                .contains("Retours acceptés dans les 21 jours suivant la livraison.");
        browser.assertNoSeriousAccessibilityProblems("politique de retour");
        browser.screenshot("return-policy-fr-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("return policy scrolls sideways")
                .isFalse();
        browser.assertNoSeriousAccessibilityProblems("politique de retour on a phone");
        browser.screenshot("return-policy-fr-phone");

        browser.width(Browser.DESKTOP);
        browser.clickButton("Revenir aux valeurs par défaut");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "réinitialisée"));
        assertThat(browser.text(".policy-summary")).contains("30 jours");
        assertThat(policies.effective().overridden()).isFalse();
    }

    @Test
    void aReasonIsAddedMovedAndDeactivatedInBothLanguages() {
        String code = "too-tight-" + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn(adminEmail, PASSWORD, "/console/operations");
        browser.openSettings("Return reasons");
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Return reasons"));
        assertThat(browser.text("#reason-too-small")).contains("Too small");
        browser.assertNoSeriousAccessibilityProblems("return reasons");

        browser.find("#code").sendKeys("Too Tight");
        browser.find("#label-en").sendKeys("Too tight");
        browser.clickButton("Add the reason");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-error"), "not saved"));
        assertThat(browser.text("#code-error")).contains("lower-case");
        assertThat(browser.text("#label-fr-error")).contains("label");
        browser.assertNoSeriousAccessibilityProblems("return reasons with mistakes", error -> error.contains("422"));
        browser.screenshot("return-reasons-mistakes-desktop");

        replace("#code", code);
        new org.openqa.selenium.support.ui.Select(browser.find("#parentCode")).selectByVisibleText("Doesn’t fit");
        replace("#label-fr", "Trop serré");
        browser.clickButton("Add the reason");
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), code));
        assertThat(browser.text("#reason-" + code)).contains("Too tight").contains("0");

        WebElement up = browser.find("#reason-" + code + " button[aria-label='Move Too tight up']");
        up.click();
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "moved"));
        browser.find("#reason-" + code + " button[aria-label='Deactivate Too tight']")
                .click();
        browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notice-success"), "deactivated"));
        assertThat(browser.text("#reason-" + code)).contains("Deactivated");
        assertThat(reasons.find(code).active()).isFalse();
        browser.assertNoSeriousAccessibilityProblems("return reasons after changes");
        browser.screenshot("return-reasons-desktop");

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "Motifs de retour"));
        assertThat(browser.text("#reason-" + code)).contains("Trop serré").contains("Désactivé");
        assertThat(browser.text("#reason-too-small")).contains("Trop petit");
        browser.assertNoSeriousAccessibilityProblems("motifs de retour");
        browser.screenshot("return-reasons-fr-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("return reasons scrolls sideways")
                .isFalse();
        browser.screenshot("return-reasons-fr-phone");

        browser.width(Browser.DESKTOP);
        browser.find("#reason-too-small a").click();
        browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "too-small"));
        assertThat(browser.find("#label-fr").getAttribute("placeholder")).isEqualTo("Trop petit");
        assertThat(browser.find("#label-en").getAttribute("placeholder")).isEqualTo("Too small");
        browser.assertNoSeriousAccessibilityProblems("motif de retour");
        browser.screenshot("return-reason-fr-desktop");
    }

    private static void replace(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }
}
