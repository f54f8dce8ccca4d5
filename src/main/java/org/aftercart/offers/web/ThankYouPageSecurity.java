package org.aftercart.offers.web;

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
 * The thank-you page is public: the signed link is the proof, not a sign-in. Its own filter chain,
 * ahead of the console's catch-all one, stateless and read-only; the tracking page's
 * Content-Security-Policy (no inline scripts or styles, the brand's logo allowed); no Referer, as the
 * token is in the address and a click leaves for the offer's site; not indexed by search engines.
 */
@Configuration(proxyBeanMethods = false)
class ThankYouPageSecurity {

    @Bean
    @Order(2) // after the API's chain, beside the tracking page's one, before the console's catch-all
    @ConditionalOnWebApplication
    SecurityFilterChain thankYouPage(HttpSecurity http, BrandingSettings branding) throws Exception {
        return http.securityMatcher("/thank-you/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.addHeaderWriter(new CustomerPageHeaders(branding))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("X-Robots-Tag", "noindex, nofollow")))
                .build();
    }
}
