package org.aftercart.admin;

import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every console browser test class sets up the same way: one headless Chromium for the class,
 * started on its first test and closed after its last, signed out and at desktop width before each
 * test and signed out after it; the staff accounts to create the signing-in staff member with, and
 * their password. A subclass is a {@code @SpringBootTest} on a random port; its own {@code
 * @BeforeEach} runs after this one's, so the browser is ready there.
 */
abstract class ConsoleBrowserTestBase {

    static final String PASSWORD = "correct horse battery staple";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @BeforeEach
    void startBrowserSignedOut() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.driver.manage().deleteAllCookies();
        browser.width(Browser.DESKTOP);
    }

    @AfterEach
    void signOutOfEverything() {
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
