package org.aftercart.admin;

import java.security.Principal;
import org.aftercart.platform.ApiKeys;
import org.aftercart.platform.StaffAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integrations' API keys: the list (label, who made it, created, last used, revoked), a new key
 * shown once on the page the creation redirects to (a flash attribute: a reload loses it, and only
 * its hash is stored), and revoking.
 */
@Controller
@RequestMapping("/console/settings/api-keys")
class ApiKeyAdminController {

    static final int MAX_LABEL_LENGTH = 100;

    /** The flash attribute that carries the new key to the one page that shows it. */
    static final String NEW_KEY = "newApiKey";

    private final ApiKeys keys;
    private final ConsoleText text;

    ApiKeyAdminController(ApiKeys keys, ConsoleText text) {
        this.keys = keys;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("maxLabelLength", MAX_LABEL_LENGTH);
        return "admin/api-keys";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String label, Principal principal, RedirectAttributes redirect) {
        String trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL_LENGTH) {
            Flash.error(redirect, text.get("api-keys.label-invalid", MAX_LABEL_LENGTH));
            return "redirect:/console/settings/api-keys";
        }
        ApiKeys.IssuedKey issued = keys.issue(trimmed, principal.getName());
        StaffAudit.subject("api-key", String.valueOf(issued.id()));
        StaffAudit.change(null, keys.find(issued.id()).orElseThrow());
        redirect.addFlashAttribute(NEW_KEY, issued.key());
        Flash.success(redirect, text.get("api-keys.create.done", trimmed));
        return "redirect:/console/settings/api-keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        var before = keys.find(id);
        if (before.isPresent() && keys.revoke(id)) {
            StaffAudit.change(before.get(), keys.find(id).orElseThrow());
            Flash.success(redirect, text.get("api-keys.revoked", before.get().label()));
        } else {
            Flash.error(redirect, text.get("api-keys.not-revocable"));
        }
        return "redirect:/console/settings/api-keys";
    }
}
