package org.aftercart.support.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.platform.Branding;
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
    SecurityFilterChain helpCentrePages(HttpSecurity http, Branding branding) throws Exception {
        String images = Stream.of("'self'", "data:", branding.logoOrigin())
                .filter(source -> source != null)
                .collect(Collectors.joining(" "));
        return http.securityMatcher("/help", "/help/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self';"
                                + " img-src " + images + ";"
                                + " style-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none';"
                                + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
