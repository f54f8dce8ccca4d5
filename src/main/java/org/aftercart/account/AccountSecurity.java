package org.aftercart.account;

import java.util.List;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.CustomerPageHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The customer's space, {@code /account/**}: signed in with a one-time link sent by e-mail (Spring
 * Security's one-time-token login), as {@code ROLE_CUSTOMER} with the customer id as the name. Its
 * own filter chain, ahead of the staff console's catch-all one, keeping the customer's sign-in
 * under its own session key, so that a customer never counts as staff and the reverse. CSRF on
 * every form (sign-out too), a Content-Security-Policy without inline scripts or styles, no
 * Referer (the sign-in link's token is in the address), not indexed.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

    static final String ROLE = "CUSTOMER";
    static final String CONTEXT_KEY = "AFTERCART_CUSTOMER_SECURITY_CONTEXT";

    @Bean
    @Order(2) // after the API's chain, beside the webhooks', tracking page's and returns portal's, before the console's
    @ConditionalOnWebApplication
    SecurityFilterChain customerAccount(
            HttpSecurity http,
            BrandingSettings branding,
            SignInTokens tokens,
            SignInRequests requests,
            SignInLinkSender sender,
            SignInLimits limits,
            Customers customers)
            throws Exception {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setSpringSecurityContextKey(CONTEXT_KEY);
        return http.securityMatcher("/account", "/account/**")
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessions)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/account/sign-in", "/account/sign-in/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole(ROLE))
                .oneTimeTokenLogin(login -> login.loginPage(SignInController.SIGN_IN_PATH)
                        .tokenGeneratingUrl(SignInController.SIGN_IN_PATH)
                        .generateRequestResolver(requests)
                        .tokenService(tokens)
                        .tokenGenerationSuccessHandler(sender)
                        .showDefaultSubmitPage(false)
                        .loginProcessingUrl(SignInLinkSender.CONFIRM_PATH)
                        .authenticationProvider(new OneTimeTokenAuthenticationProvider(tokens, customers(customers)))
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler(SignInController.REFUSED_PATH))
                        .defaultSuccessUrl("/account", true))
                .addFilterBefore(new SignInLimitFilter(limits), GenerateOneTimeTokenFilter.class)
                .logout(logout ->
                        logout.logoutUrl("/account/sign-out").logoutSuccessUrl(SignInController.SIGNED_OUT_PATH))
                .headers(headers -> headers.addHeaderWriter(new CustomerPageHeaders(branding))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("X-Robots-Tag", "noindex, nofollow")))
                .build();
    }

    /** A signed-in customer: the customer id as the name, no password (the link is the proof). */
    private static UserDetailsService customers(Customers customers) {
        return customerId -> {
            try {
                CustomerId id = CustomerId.of(customerId);
                return customers
                        .find(id)
                        .map(profile -> User.withUsername(id.id().toString())
                                .password("")
                                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)))
                                .build())
                        .orElseThrow(() -> new UsernameNotFoundException("No such customer"));
            } catch (IllegalArgumentException notAnId) {
                throw new UsernameNotFoundException("No such customer");
            }
        };
    }
}
