package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in customer's account page. */
@Controller
class AccountController {

    private final AccountPages pages;

    AccountController(AccountPages pages) {
        this.pages = pages;
    }

    @GetMapping("/account")
    String account(Authentication customer, HttpServletRequest request, Model model) {
        pages.common(request, model);
        model.addAttribute("signedIn", true);
        return "account/home";
    }
}
