package org.aftercart.wallet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one application context every wallet test shares (the property tests too, which look it up
 * in Spring's context cache): store credit and gift cards expire, wrong gift card codes run out
 * quickly, and the expiry jobs run only when a test runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.wallet.store-credit.expires-after=P365D",
            "aftercart.wallet.gift-card.expires-after=P730D",
            "aftercart.wallet.gift-card-lookups.failures-per-key=5",
            // Tests run the jobs themselves, at the time they choose.
            "aftercart.wallet.hold-release-every=PT6H",
            "aftercart.wallet.expiry-check-every=PT6H"
        })
@interface WalletTest {}
