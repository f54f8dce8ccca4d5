package org.aftercart.returns.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.platform.Branding;
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
    SecurityFilterChain returnsPortal(HttpSecurity http, Branding branding) throws Exception {
        String images = Stream.of("'self'", "data:", branding.logoOrigin())
                .filter(source -> source != null)
                .collect(Collectors.joining(" "));
        return http.securityMatcher("/returns", "/returns/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self';"
                                + " img-src " + images + ";"
                                + " style-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none';"
                                + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("X-Robots-Tag", "noindex, nofollow")))
                .build();
    }
}
