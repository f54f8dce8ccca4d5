package org.aftercart.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One application context for the account tests, against the real embedded PostgreSQL, served on a
 * real port (for the browser and for cookies as a browser sees them); the test classes extend
 * {@link AccountTestBase} for the SMTP server that receives the sign-in links.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.account.links-per-email=3"})
@AutoConfigureMockMvc
@interface AccountIntegrationTest {}
