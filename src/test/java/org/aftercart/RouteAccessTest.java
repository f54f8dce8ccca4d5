package org.aftercart;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One application context for the access tests: every webhook with a secret and SMS switched on, so
 * that every route exists and checks its proof, served on a real port too (error pages are reached
 * by a forward only a servlet container makes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.shopify.webhook-secret=shopify-secret",
            "aftercart.easypost.webhook-secret=easypost-secret",
            "aftercart.aftership.webhook-secret=aftership-secret",
            "aftercart.notifications.bounces.webhook-secret=bounces-secret",
            "aftercart.notifications.sms.base-url=http://127.0.0.1:9",
            "aftercart.notifications.sms.account-sid=AC0123456789abcdef0123456789abcdef",
            "aftercart.notifications.sms.auth-token=sms-secret",
            "aftercart.notifications.sms.from=+447700900001"
        })
@AutoConfigureMockMvc
@interface RouteAccessTest {}
