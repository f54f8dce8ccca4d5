package org.aftercart.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One box that finds customers by name, e-mail, phone, order, tracking or return number. */
@Controller
@RequestMapping("/console/customers")
class CustomerSearchController {

    private final CustomerFinder finder;

    CustomerSearchController(CustomerFinder finder) {
        this.finder = finder;
    }

    @GetMapping
    String search(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", finder.find(query.length() > 200 ? query.substring(0, 200) : query, page));
        return "admin/customers";
    }
}
