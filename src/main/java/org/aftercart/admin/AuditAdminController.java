package org.aftercart.admin;

import org.aftercart.platform.StaffAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff audit log, newest first, filtered by staff member and by subject, paged by keyset
 * ("older" continues before the last entry shown), so a deep page costs what the first does.
 */
@Controller
@RequestMapping("/console/audit")
class AuditAdminController {

    static final int PAGE_SIZE = 50;

    private final StaffAudit audit;

    AuditAdminController(StaffAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String staff,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        model.addAttribute("staff", staff.strip());
        model.addAttribute("subject", subject.strip());
        model.addAttribute("before", before);
        model.addAttribute("results", audit.search(staff, subject, before, PAGE_SIZE));
        return "admin/audit";
    }
}
