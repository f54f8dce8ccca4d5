package org.aftercart.returns.web;

import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.CustomerPageHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The returns portal is public: the guest lookup or the signed tracking link is the proof, kept in
 * the HTTP session (ADR 16), not a sign-in. Its own filter chain, ahead of the staff console's
 * catch-all one: CSRF on every form, a Content-Security-Policy without inline scripts or styles
 * (the drop-off QR code is inline SVG, which needs none), no Referer, not indexed.
 */
@Configuration(proxyBeanMethods = false)
class ReturnsPortalSecurity {

    @Bean
    @Order(2) // after the API's chain, beside the webhooks' and the tracking page's, before the console's
    @ConditionalOnWebApplication
    SecurityFilterChain returnsPortal(HttpSecurity http, BrandingSettings branding) throws Exception {
        return http.securityMatcher("/returns", "/returns/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.addHeaderWriter(new CustomerPageHeaders(branding))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("X-Robots-Tag", "noindex, nofollow")))
                .build();
    }
}
