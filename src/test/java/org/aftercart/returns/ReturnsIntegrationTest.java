package org.aftercart.returns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * One application context for every returns integration test (against the real embedded
 * PostgreSQL): a payment provider the tests can make refuse refunds, a recorder of the returns
 * events, a 10 % store-credit bonus, returnless returns under 5.00, a final-sale category, and
 * room for the portal tests' guest lookups from one address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.payments.provider=" + ReturnsTestConfiguration.PROVIDER,
            "aftercart.returns.store-credit-bonus-percent=10",
            "aftercart.returns.return-shipping-cost=5.00",
            "aftercart.returns.final-sale-categories=final-sale-test",
            "aftercart.returns.auto-approve-up-to=500",
            "aftercart.returns.sweep-every=PT1H",
            "aftercart.returns.portal.lookups-per-address=100"
        })
@Import(ReturnsTestConfiguration.class)
@interface ReturnsIntegrationTest {}
