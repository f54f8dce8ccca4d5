package org.aftercart.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security handles what the form posts to {@code /login}. */
@Controller
class LoginAdminController {

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }

    @GetMapping({"/", "/admin", "/admin/"})
    String home() {
        return "redirect:/admin/orders";
    }
}
