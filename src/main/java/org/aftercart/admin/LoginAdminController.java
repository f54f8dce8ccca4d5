package org.aftercart.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.aftercart.platform.StaffAccounts.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff sign-in page (Spring Security handles what the form posts to {@code /login}) and the
 * console's home, which sends each role to the page its work starts from. Sign-in lands here unless
 * the staff member was on their way to a console page, which then wins.
 */
@Controller
class LoginAdminController {

    /**
     * Where each role starts, in the order a staff member with several roles is placed: an admin
     * on what needs someone now (the operations overview: its counts lead to every list with an
     * action, where the dashboard's trends only inform), an agent on the customer search (support
     * starts from a person), a store associate on the store counter, an analyst on the dashboard.
     */
    static final List<StartPage> START_PAGES = List.of(
            new StartPage(Role.ADMIN, "/console/operations"),
            new StartPage(Role.AGENT, "/console/customers"),
            new StartPage(Role.ASSOCIATE, "/console/store-returns"),
            new StartPage(Role.ANALYST, "/console/dashboard"));

    /** Every page this list names must be open to its role (ConsoleAccess); tests check it. */
    record StartPage(Role role, String path) {}

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }

    @GetMapping({"/", "/admin", "/admin/"})
    String home(HttpServletRequest request) {
        return "redirect:" + startPageFor(request);
    }

    static String startPageFor(HttpServletRequest request) {
        return START_PAGES.stream()
                .filter(page -> request.isUserInRole(page.role().name()))
                .map(StartPage::path)
                .findFirst()
                // Every staff role has a start page; the orders list, open to all, is the fallback.
                .orElse("/admin/orders");
    }
}
