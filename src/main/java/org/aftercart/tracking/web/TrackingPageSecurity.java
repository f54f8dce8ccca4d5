package org.aftercart.tracking.web;

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
 * The tracking page is public: the signed token or the guest lookup is the proof, not a sign-in.
 * Its own filter chain, ahead of the staff console's catch-all one: CSRF on the lookup form, a
 * Content-Security-Policy without inline scripts or styles that also allows the brand's logo, no
 * Referer (the token is in the address), and not indexed by search engines.
 */
@Configuration(proxyBeanMethods = false)
class TrackingPageSecurity {

    @Bean
    @Order(2) // after the API's chain, beside the webhooks' one, before the console's catch-all
    @ConditionalOnWebApplication
    SecurityFilterChain trackingPage(HttpSecurity http, BrandingSettings branding) throws Exception {
        return http.securityMatcher("/track", "/track/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.addHeaderWriter(new CustomerPageHeaders(branding))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("X-Robots-Tag", "noindex, nofollow")))
                .build();
    }
}
