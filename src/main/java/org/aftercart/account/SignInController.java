package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages. Asking for a link always ends on the same "if we know this address, a link is
 * on its way" page, whether a link was sent (by {@link SignInLinkSender}) or the address is
 * unknown (here). The link opens a page with a button that signs in (a POST with the token), so
 * that mail scanners that open links do not use it up.
 */
@Controller
class SignInController {

    static final String SIGN_IN_PATH = "/account/sign-in";
    static final String SENT_PATH = "/account/sign-in/sent";
    static final String REFUSED_PATH = "/account/sign-in?refused";
    static final String SIGNED_OUT_PATH = "/account/sign-in?signed-out";
    static final String TOO_MANY_PATH = "/account/sign-in/too-many";

    private final AccountPages pages;
    private final SignInLimits limits;

    SignInController(AccountPages pages, SignInLimits limits) {
        this.pages = pages;
        this.limits = limits;
    }

    @GetMapping(SIGN_IN_PATH)
    String signIn(
            @RequestParam(name = "refused", required = false) @Nullable String refused,
            @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
            @RequestParam(name = "deleted", required = false) @Nullable String deleted,
            HttpServletRequest request,
            Model model) {
        pages.common(request, model);
        model.addAttribute("refused", refused != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("deleted", deleted != null);
        return "account/sign-in";
    }

    /** Reached only when no link was made: an unknown address (answered as a known one) or no address. */
    @PostMapping(SIGN_IN_PATH)
    String unknownAddress(
            @RequestParam(name = SignInRequests.EMAIL, defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!SignInRequests.plausible(email)) {
            pages.common(request, model);
            model.addAttribute("invalidEmail", true);
            model.addAttribute("email", email.length() > SignInRequests.MAX_EMAIL_LENGTH ? "" : email);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/sign-in";
        }
        return "redirect:" + SENT_PATH;
    }

    @GetMapping(SENT_PATH)
    String sent(HttpServletRequest request, Model model) {
        pages.common(request, model);
        return "account/sign-in-sent";
    }

    /** The page the e-mailed link opens: one button that signs in with the token. */
    @GetMapping(SignInLinkSender.CONFIRM_PATH)
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
        pages.common(request, model);
        model.addAttribute("token", token.length() > 100 ? "" : token);
        return "account/sign-in-confirm";
    }

    @RequestMapping(TOO_MANY_PATH)
    String tooMany(HttpServletRequest request, HttpServletResponse response, Model model) {
        pages.common(request, model);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                "Retry-After", Long.toString(Math.max(1, limits.retryAfter().toSeconds())));
        return "account/too-many";
    }
}
