package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page a refusal by the role matrix shows: the console's error page with a 403, in the staff
 * member's language. The security chain forwards here with the refused request's method, so it
 * answers every method.
 */
@Controller
class AccessDeniedController {

    private final ConsoleText text;

    AccessDeniedController(ConsoleText text) {
        this.text = text;
    }

    @RequestMapping("/access-denied")
    String refused(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("message", text.get("staff-access.forbidden"));
        return "error";
    }
}
