package org.aftercart.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.aftercart.admin.Browser;
import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The help centre as customers and staff see it, in a real headless Chromium: the home page, a
 * search and an article in English and French, on a phone and a desktop; the console's editor.
 * axe-core checks every page and the browser console must stay clean; screenshots land in
 * target/screenshots.
 */
// The tracking page's browser tests' settings, so that both share one application context.
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.branding.logo-url=/images/demo-shop-logo.svg"
        })
class HelpCentreBrowserTests {

    private static final String PASSWORD = "correct horse battery staple";

    /** A missing article's own 404 is what that page is about, not an error of the page. */
    private static final Predicate<String> MISSING_ARTICLE_404 = error -> error.contains("/help/no-such-article");

    /** The editor's refusal answers 422 on purpose. */
    private static final Predicate<String> REFUSED_FORM_422 = error -> error.contains("/console/help -");

    @LocalServerPort
    int port;

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
    void theHomePageInEnglishOnADesktopAndAPhone() {
        browser.open("/help?lang=en");

        assertThat(browser.text("h1")).isEqualTo("How can we help?");
        assertThat(browser.findAll(".help-topic h2"))
                .extracting(heading -> heading.getText())
                .startsWith("Shipping and delivery", "Returns", "Refunds");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.brand-header')).backgroundColor"))
                .as("the brand's colours apply, as on the tracking page")
                .isEqualTo("rgb(19, 78, 74)");
        assertThat((Boolean) browser.script("return document.querySelector('.logo').naturalWidth > 0"))
                .as("the brand's logo loads under the page's CSP")
                .isTrue();
        browser.assertNoSeriousAccessibilityProblems("help centre");
        browser.screenshot("help-en-desktop");
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways())
                .as("page scrolls sideways on a phone")
                .isFalse();
        browser.screenshot("help-en-phone");
    }

    @Test
    void aSearchInFrenchFindsTheReturnArticleAndANoResultPageSuggestsTopics() {
        browser.width(Browser.PHONE);
        browser.open("/help?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Comment pouvons-nous vous aider ?");
        browser.find("#q").sendKeys("retours", Keys.ENTER);
        browser.waitUntil(driver -> browser.path().startsWith("/help/search"));

        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("h1")).contains("retours");
        assertThat(browser.findAll(".help-result h2"))
                .extracting(result -> result.getText())
                .contains("Comment retourner un article");
        assertThat(browser.findAll(".help-snippet mark")).isNotEmpty();
        browser.assertNoSeriousAccessibilityProblems("search in French");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("help-search-fr-phone");

        browser.find("#q").clear();
        browser.find("#q").sendKeys("xylophone", Keys.ENTER);
        browser.waitUntil(driver -> browser.path().contains("xylophone"));
        assertThat(browser.text("#suggestions-heading")).startsWith("Aucun article ne correspond");
        assertThat(browser.findAll(".help-suggestions .help-topic")).isNotEmpty();
        browser.assertNoSeriousAccessibilityProblems("search without results");
        browser.screenshot("help-search-none-fr-phone");
    }

    @Test
    void anArticleFromALateParcelsEmailOnAPhoneInBothLanguages() {
        browser.width(Browser.PHONE);
        browser.open("/help/for/parcel-delayed?lang=en&order=AC-100042");
        browser.waitUntil(driver -> browser.path().startsWith("/help/my-parcel-is-late"));

        assertThat(browser.text("h1")).isEqualTo("My parcel is late");
        assertThat(browser.text(".help-order")).isEqualTo("About your order AC-100042");
        assertThat(browser.text(".breadcrumbs")).contains("Help centre", "Shipping and delivery");
        assertThat(browser.text(".help-body h2")).isEqualTo("What we do");
        assertThat(browser.text("main")).contains("Related articles", "Where is my parcel?");
        browser.assertNoSeriousAccessibilityProblems("article");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("help-article-en-phone");

        browser.driver.findElement(By.linkText("Français")).click();
        browser.waitUntil(driver -> browser.text("h1").equals("Mon colis est en retard"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text(".breadcrumbs")).contains("Centre d’aide", "Expédition et livraison");
        browser.assertNoSeriousAccessibilityProblems("article in French");
        browser.screenshot("help-article-fr-phone");
        browser.width(Browser.DESKTOP);
        browser.screenshot("help-article-fr-desktop");

        browser.open("/help/no-such-article?lang=en");
        assertThat(browser.text("h1")).isEqualTo("We cannot find this article");
        browser.assertNoSeriousAccessibilityProblems("missing article", MISSING_ARTICLE_404);
        browser.screenshot("help-not-found-desktop");
    }

    @Test
    void staffWriteAnArticlePreviewItAndAreToldWhatIsWrong() {
        String email = "help-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.createIfMissing(email, "Help writer", PASSWORD, Set.of(StaffAccounts.Role.AGENT));
        browser.signIn(email, PASSWORD, "/console/customers");

        browser.open("/console/help?lang=en&language=en");
        assertThat(browser.text("h1")).isEqualTo("Help-centre articles");
        assertThat(browser.text("table")).contains("My parcel is late", "parcel-delayed");
        browser.assertNoSeriousAccessibilityProblems("console help list");
        browser.screenshot("console-help-list-desktop");

        browser.driver.findElement(By.linkText("New article")).click();
        browser.waitUntil(driver -> browser.path().startsWith("/console/help/new"));
        browser.find("#title").sendKeys("Caring for silk");
        browser.find("#slug").sendKeys("Caring For Silk");
        browser.find("#body").sendKeys("## Washing\n\nCold water, **by hand**. <script>alert(1)</script>");
        browser.find("button[name=preview]").click();
        browser.waitUntil(driver -> !browser.findAll("#preview").isEmpty());
        assertThat(browser.text("#preview .help-preview h2")).isEqualTo("Washing");
        assertThat(browser.text("#preview")).contains("<script>alert(1)</script>");
        browser.assertNoSeriousAccessibilityProblems("console help preview");
        browser.screenshot("console-help-preview-desktop");

        browser.clickButton("Save");
        browser.waitUntil(driver -> !browser.findAll("#slug-error").isEmpty());
        assertThat(browser.text("#slug-error")).contains("lower-case letters");
        assertThat(browser.find("#slug").getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertNoSeriousAccessibilityProblems("console help refusal", REFUSED_FORM_422);
        browser.width(Browser.PHONE);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("console-help-refused-phone");
    }
}
