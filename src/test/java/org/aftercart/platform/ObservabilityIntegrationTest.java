package org.aftercart.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One application context for the observability and hostile-input tests, on a real port (for the
 * proxy headers Tomcat reads) with a real SMTP server ({@link ObservabilityTestBase}); the actuator
 * shares the main port, as in the demo, and the Shopify secret and the metrics token are each in the
 * middle of a rotation (new, then previous).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.shopify.webhook-secret="
                    + ObservabilityTestBase.SHOPIFY_SECRET
                    + ","
                    + ObservabilityTestBase.SHOPIFY_PREVIOUS_SECRET,
            "aftercart.shopify.retry-interval=PT1H",
            "aftercart.management.metrics-token="
                    + ObservabilityTestBase.METRICS_TOKEN
                    + ","
                    + ObservabilityTestBase.METRICS_PREVIOUS_TOKEN,
            "aftercart.metrics.cache-for=PT0S"
        })
@AutoConfigureMockMvc
@interface ObservabilityIntegrationTest {}
