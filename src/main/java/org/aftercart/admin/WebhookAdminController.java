package org.aftercart.admin;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.WebhookDestinationSettings;
import org.aftercart.platform.StaffAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where the merchant's systems receive Aftercart's webhooks: the list, adding one (its address
 * checked as the API checks it, its signing secret shown once) and disabling one.
 */
@Controller
@RequestMapping("/console/settings/webhooks")
class WebhookAdminController {

    static final int MAX_DESCRIPTION_LENGTH = 200;

    /** The flash attribute that carries the new signing secret to the one page that shows it. */
    static final String NEW_SECRET = "newWebhookSecret";

    private final WebhookDestinationSettings webhooks;
    private final ConsoleText text;

    WebhookAdminController(WebhookDestinationSettings webhooks, ConsoleText text) {
        this.webhooks = webhooks;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("destinations", webhooks.list());
        model.addAttribute("eventTypes", webhooks.eventTypes());
        model.addAttribute("maxDescriptionLength", MAX_DESCRIPTION_LENGTH);
        return "admin/webhooks";
    }

    @PostMapping
    String add(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") List<String> eventTypes,
            RedirectAttributes redirect) {
        String trimmed = description.strip();
        if (url.isBlank() || trimmed.length() > MAX_DESCRIPTION_LENGTH) {
            Flash.error(redirect, text.get("webhooks.invalid", MAX_DESCRIPTION_LENGTH));
            return "redirect:/console/settings/webhooks";
        }
        try {
            WebhookDestinationSettings.Added added =
                    webhooks.add(url.strip(), trimmed.isEmpty() ? null : trimmed, eventTypes);
            StaffAudit.subject("webhook", added.destination().id().toString());
            StaffAudit.change(null, added.destination());
            redirect.addFlashAttribute(NEW_SECRET, added.secret());
            Flash.success(
                    redirect, text.get("webhooks.added", added.destination().url()));
        } catch (ErrorResponseException refused) {
            // The module says why in English (e.g. an address inside a private network): shown as is.
            String detail = refused.getBody().getDetail();
            Flash.error(redirect, text.problem(refused) + (detail == null ? "" : ": " + detail));
        }
        return "redirect:/console/settings/webhooks";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        if (webhooks.disable(id, "Disabled in the console by " + principal.getName() + ".")) {
            Flash.success(redirect, text.get("webhooks.disabled"));
        } else {
            Flash.error(redirect, text.get("webhooks.not-disableable"));
        }
        return "redirect:/console/settings/webhooks";
    }
}
