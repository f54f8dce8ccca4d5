package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.aftercart.customers.CustomerId;
import org.aftercart.privacy.PersonalDataRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ends the sessions of a customer whose account was erased, wherever they are still signed in
 * (another browser, another device): no account page is shown for an anonymous tombstone.
 */
@Configuration(proxyBeanMethods = false)
class ErasedCustomerSignOut implements WebMvcConfigurer, HandlerInterceptor {

    private final PersonalDataRequests privacy;

    ErasedCustomerSignOut(PersonalDataRequests privacy) {
        this.privacy = privacy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns("/account", "/account/**")
                .excludePathPatterns(SignInController.SIGN_IN_PATH, SignInController.SIGN_IN_PATH + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null
                || !signedIn.isAuthenticated()
                || signedIn.getAuthorities().stream()
                        .noneMatch(authority -> ("ROLE_" + AccountSecurity.ROLE).equals(authority.getAuthority()))
                || privacy.erasure(CustomerId.of(signedIn.getName())).isEmpty()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + SignInController.SIGN_IN_PATH + "?deleted");
        return false;
    }
}
