package org.aftercart.notifications.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The addresses in messages are public and sessionless: the signature in each is the proof. No CSRF
 * token, because RFC 8058 one-click unsubscribe is a POST from the recipient's mail client.
 */
@Configuration(proxyBeanMethods = false)
class EngagementSecurity {

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain messageLinks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/m/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self';"
                                        + " base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
