package org.aftercart.support.web;

import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.CustomerPageHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The help centre is public and read-only: its own filter chain, ahead of the console's catch-all
 * one, with no sign-in and no session. The same Content-Security-Policy as the tracking page (no
 * inline scripts or styles, the brand's logo allowed), and no Referer, as an address may carry the
 * customer's order number.
 */
@Configuration(proxyBeanMethods = false)
class HelpPageSecurity {

    @Bean
    @Order(2) // after the API's chain, beside the tracking page's one, before the console's catch-all
    @ConditionalOnWebApplication
    SecurityFilterChain helpCentrePages(HttpSecurity http, BrandingSettings branding) throws Exception {
        return http.securityMatcher("/help", "/help/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.addHeaderWriter(new CustomerPageHeaders(branding))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
