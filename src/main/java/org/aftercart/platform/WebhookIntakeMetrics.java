package org.aftercart.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts the webhooks that arrive ({@code aftercart.webhooks.received}) by source and outcome, for
 * every sender under {@code /webhooks/}: the source is the endpoint's own path after {@code
 * /webhooks/} (so the label set stays as small as the list of endpoints), the outcome what the
 * answer said: {@code accepted} (2xx, duplicates and ignored topics included), {@code refused}
 * (401/403, a missing or wrong signature), {@code rejected} (another 4xx, e.g. an unreadable body),
 * {@code failed} (5xx).
 */
@Component
class WebhookIntakeMetrics extends OncePerRequestFilter {

    static final String METER = "aftercart.webhooks.received";
    private static final String PREFIX = "/webhooks/";

    private final MeterRegistry registry;

    WebhookIntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            String outcome = failed ? "failed" : outcome(response.getStatus());
            counter(source(request), outcome).increment();
        }
    }

    private Counter counter(String source, String outcome) {
        return Counter.builder(METER)
                .description("Webhooks received, by sender and outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String source(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String path && path.startsWith(PREFIX)) {
            return path.substring(PREFIX.length());
        }
        return "unknown";
    }

    static String outcome(int status) {
        if (status < 400) {
            return "accepted";
        }
        if (status == 401 || status == 403) {
            return "refused";
        }
        return status < 500 ? "rejected" : "failed";
    }
}
