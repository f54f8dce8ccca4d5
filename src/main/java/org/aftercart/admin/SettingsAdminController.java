package org.aftercart.admin;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings hub: one navigation entry that leads to every settings page the viewer's role opens,
 * each with a line on what it changes, instead of a link per settings page in the console's header.
 */
@Controller
class SettingsAdminController {

    /** A settings page: where it is and the message keys of its name and of what it changes. */
    record SettingsPage(String path, String name, String description) {}

    static final List<SettingsPage> PAGES = List.of(
            new SettingsPage("/console/settings/branding", "nav.branding", "settings.branding"),
            new SettingsPage("/console/templates", "nav.templates", "settings.templates"),
            new SettingsPage("/console/settings/return-policy", "nav.return-policy", "settings.return-policy"),
            new SettingsPage("/console/settings/return-reasons", "nav.return-reasons", "settings.return-reasons"),
            new SettingsPage("/console/settings/carrier-mappings", "nav.carrier-mappings", "settings.carrier-mappings"),
            new SettingsPage("/console/settings/webhooks", "nav.webhooks", "settings.webhooks"),
            new SettingsPage("/console/settings/api-keys", "nav.api-keys", "settings.api-keys"));

    private final ConsoleAccess access;

    SettingsAdminController(ConsoleAccess access) {
        this.access = access;
    }

    @GetMapping("/console/settings")
    String settings(Model model) {
        model.addAttribute(
                "pages",
                PAGES.stream().filter(page -> access.mayOpen(page.path())).toList());
        return "admin/settings";
    }
}
