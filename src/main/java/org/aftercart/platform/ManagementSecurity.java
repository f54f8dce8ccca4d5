package org.aftercart.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the actuator ({@code /actuator/**}): the health probes ({@code /actuator/health},
 * {@code …/liveness}, {@code …/readiness}) answer anyone, with the status only, for load balancers
 * and orchestrators; everything else, the Prometheus metrics first, answers only on the management
 * port ({@code management.server.port}, kept off the public network) or to a caller with the
 * metrics token ({@code aftercart.management.metrics-token}, {@code Authorization: Bearer …};
 * several comma-separated while one is rotated). Without either, the metrics are closed. See
 * docs/operations.md and ADR 28.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurity.class);

    static final String[] PROBES = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    /** The port of the separate management server once it runs; 0 while the actuator shares the main port. */
    private final AtomicInteger managementPort = new AtomicInteger();

    private final List<byte[]> tokenDigests;

    ManagementSecurity(@Value("${aftercart.management.metrics-token:}") String tokens) {
        this.tokenDigests = Arrays.stream(tokens.split(","))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .map(ManagementSecurity::digest)
                .toList();
    }

    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(PROBES)
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                onManagementPort(context.getRequest()) || carriesToken(context.getRequest()))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED,
                            "Read the metrics on the management port, or send 'Authorization: Bearer <metrics token>'");
                    problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
                    ProblemWriter.write(response, problem);
                }))
                .headers(SecurityConfiguration::nothingToRender)
                .build();
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            managementPort.set(event.getWebServer().getPort());
            log.info(
                    "Actuator (metrics, probes) on management port {}",
                    event.getWebServer().getPort());
        }
    }

    private boolean onManagementPort(HttpServletRequest request) {
        int port = managementPort.get();
        return port > 0 && request.getLocalPort() == port;
    }

    private boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (tokenDigests.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] claimed = digest(header.substring(7).trim());
        boolean matched = false;
        for (byte[] token : tokenDigests) {
            matched |= MessageDigest.isEqual(token, claimed);
        }
        return matched;
    }

    /** Compared as digests: equal lengths, so the comparison's time says nothing about the token. */
    private static byte[] digest(@Nullable String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
