package org.aftercart.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one sign-in link from the client address's and the e-mail address's allowances before a
 * link is made (or not, for an unknown address: the same allowance is spent, so the limit says
 * nothing either). Over the limit, the request goes to the 429 page instead.
 */
class SignInLimitFilter extends OncePerRequestFilter {

    private final SignInLimits limits;

    SignInLimitFilter(SignInLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !SignInController.SIGN_IN_PATH.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter(SignInRequests.EMAIL);
        // Something that is no address is answered with a form error, and sends nothing.
        if (!SignInRequests.plausible(email)
                || limits.tryLookup(request.getRemoteAddr(), email.strip().toLowerCase(Locale.ROOT))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, limits.retryAfter().toSeconds())));
        request.getRequestDispatcher(SignInController.TOO_MANY_PATH).forward(request, response);
    }
}
