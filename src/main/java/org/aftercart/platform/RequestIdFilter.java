package org.aftercart.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's (or the proxy's) {@code X-Request-Id} when it
 * is a short token of safe characters, else a new one. It is in the logging context (MDC key {@code
 * requestId}) for every log line of the request, on the response, and carried to the work the
 * request hands to other threads ({@link RequestIds#carryToOtherThreads()}). An unfit header is
 * replaced, never echoed: it could forge log lines or carry a payload.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern FIT = Pattern.compile("[A-Za-z0-9._:-]{1," + RequestIds.MAX_LENGTH + "}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = fitOrNew(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, id);
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }

    /** Error dispatches keep the id of the request that failed. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String fitOrNew(@Nullable String claimed) {
        if (claimed != null && FIT.matcher(claimed).matches()) {
            return claimed;
        }
        return UUID.randomUUID().toString();
    }
}
