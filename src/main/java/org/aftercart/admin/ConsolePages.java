package org.aftercart.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.aftercart.platform.LanguageLink;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page shares: who is signed in, the language links, the navigation, and error
 * pages (instead of the API's problem bodies) when a page cannot be shown. It also serves the demo
 * store's console page (the mail catcher), named by package as nothing depends on the demo module.
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class, basePackages = "org.aftercart.demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    private final ConsoleText text;
    private final boolean demo;

    ConsolePages(ConsoleText text, Environment environment) {
        this.text = text;
        this.demo = environment.matchesProfiles("demo");
    }

    /** The demo store serves /console/mail-catcher with the demo profile, and only then. */
    @ModelAttribute("showMailCatcher")
    boolean showMailCatcher() {
        return demo;
    }

    @ModelAttribute("staffName")
    @Nullable
    String staffName(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("languages")
    List<LanguageLink> languages(HttpServletRequest request) {
        return Languages.links(LocaleContextHolder.getLocale(), request.getRequestURI(), request.getQueryString());
    }

    @ExceptionHandler(ErrorResponseException.class)
    String problem(
            ErrorResponseException e,
            HttpServletRequest request,
            HttpServletResponse response,
            @Nullable Principal principal,
            Model model) {
        return errorPage(e.getStatusCode().value(), text.problem(e), request, response, principal, model);
    }

    /** A path that cannot name anything, such as an order id that is not a UUID. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String notFound(
            HttpServletRequest request, HttpServletResponse response, @Nullable Principal principal, Model model) {
        return errorPage(
                HttpStatus.NOT_FOUND.value(), text.get("error.not-found"), request, response, principal, model);
    }

    /** Exception handlers get a fresh model: the page's shared attributes are added again here. */
    private String errorPage(
            int status,
            String message,
            HttpServletRequest request,
            HttpServletResponse response,
            @Nullable Principal principal,
            Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        model.addAttribute("staffName", staffName(principal));
        model.addAttribute("languages", languages(request));
        model.addAttribute("showMailCatcher", demo);
        return "error";
    }
}
