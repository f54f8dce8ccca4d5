package org.aftercart.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what: integrations use API keys under {@code /api}, senders of webhooks prove
 * themselves by signature (checked by each webhook endpoint on the raw body), staff sign in to
 * the console pages (each role only what the console's {@link StaffAccessPolicy} grants it), and a
 * short list of pages is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF_ROLES = Arrays.stream(StaffAccounts.Role.values())
            .map(StaffAccounts.Role::name)
            .toArray(String[]::new);

    /** Where a refusal is shown, as a page in the staff member's language. */
    static final String ACCESS_DENIED_PAGE = "/access-denied";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ApiKeyAuthenticationFilter.ROLE))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Send a valid API key as 'Authorization: Bearer <key>' or 'X-Api-Key'"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "This API key may not do that")))
                .headers(SecurityConfiguration::nothingToRender)
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(SecurityConfiguration::nothingToRender)
                .build();
    }

    /**
     * JSON for machines (the API, webhook answers): nothing in them may load, run or be framed if a
     * browser is ever pointed at one, and no address leaks onwards.
     */
    static void nothingToRender(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /**
     * The console: staff paths by the role matrix the console declares ({@link StaffAccessPolicy},
     * first matching rule decides, a staff path no rule names is refused to all), a few public
     * pages, any other page to any signed-in staff member. Anonymous page requests go to the sign-in
     * page, anything else (htmx, JSON, images) gets a 401; a refusal is recorded in the staff audit
     * log and shown as the console's translated 403 page.
     */
    @Bean
    @Order(3)
    @ConditionalOnWebApplication
    SecurityFilterChain console(
            HttpSecurity http, ObjectProvider<StaffAccessPolicy> policies, StaffAudit audit, BrandingSettings branding)
            throws Exception {
        StaffAuditFilter auditFilter = new StaffAuditFilter(audit);
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage(ACCESS_DENIED_PAGE);
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        return http.authorizeHttpRequests(requests -> {
                    // Error pages are reached by forwarding (an ERROR dispatch), whoever caused them; a
                    // request straight to /error is a page like any other (it would answer a bare 500).
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(
                                    "/login",
                                    ACCESS_DENIED_PAGE,
                                    "/css/**",
                                    "/js/**",
                                    "/images/**",
                                    "/webjars/**",
                                    "/favicon.ico",
                                    "/actuator/health/**",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll();
                    policies.orderedStream()
                            .flatMap(policy -> policy.rules().stream())
                            .forEach(rule -> {
                                String[] roles = rule.roles().stream()
                                        .map(StaffAccounts.Role::name)
                                        .toArray(String[]::new);
                                (rule.method() == null
                                                ? requests.requestMatchers(rule.pattern())
                                                : requests.requestMatchers(rule.method(), rule.pattern()))
                                        .hasAnyRole(roles);
                            });
                    requests.requestMatchers(StaffAccessPolicy.STAFF_PATHS.toArray(String[]::new))
                            .denyAll()
                            .anyRequest()
                            .hasAnyRole(STAFF_ROLES);
                })
                .addFilterAfter(auditFilter, AuthorizationFilter.class)
                // After sign-in: the console page the staff member was sent away from, if any, else the
                // console's home, which leads each role to its own start page.
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/admin", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            if (wantsPage(request)) {
                                signIn.commence(request, response, e);
                            } else {
                                problem(response, HttpStatus.UNAUTHORIZED, "Sign in to the console first");
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            auditFilter.refused(request, e.getMessage());
                            if (wantsPage(request)) {
                                deniedPage.handle(request, response, e);
                            } else {
                                problem(response, HttpStatus.FORBIDDEN, "Your staff role may not do that");
                            }
                        }))
                // Per response, so that the branding settings' preview shows a logo on another site once saved.
                .headers(headers -> headers.addHeaderWriter((request, response) -> response.setHeader(
                                "Content-Security-Policy",
                                "default-src 'self'; img-src " + images(branding.current())
                                        + "; style-src " + styles(request) + "; object-src 'none'; base-uri 'self';"
                                        + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The console's pages style themselves from stylesheets only (htmx's indicator styles are off and
     * in console.css); the API documentation page, a third-party bundle, writes style attributes.
     */
    private static String styles(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/swagger-ui") ? "'self' 'unsafe-inline'" : "'self'";
    }

    private static String images(Branding brand) {
        String logo = brand.logoOrigin();
        return logo == null ? "'self' data:" : "'self' data: " + logo;
    }

    /**
     * A browser asking for a page (or not saying what it accepts); an htmx request or one accepting
     * only JSON, images and the like gets a status and a problem body instead of a page.
     */
    static boolean wantsPage(HttpServletRequest request) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.isBlank() || accept.contains("text/html") || accept.contains("*/*");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        ProblemWriter.write(response, problem);
    }
}
