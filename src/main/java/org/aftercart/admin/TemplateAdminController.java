package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftercart.notifications.InvalidTemplate;
import org.aftercart.notifications.NotificationTemplates;
import org.aftercart.platform.StaffAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message templates: which ones the merchant edited, and an editor per kind, channel and
 * language whose preview follows the text as it is typed (htmx posts the draft, the server renders it
 * with a sample order).
 */
@Controller
@RequestMapping("/console/templates")
class TemplateAdminController {

    private static final String EDITOR = "/{kind}/{channel}/{language}";

    private final NotificationTemplates templates;
    private final ConsoleText text;

    TemplateAdminController(NotificationTemplates templates, ConsoleText text) {
        this.templates = templates;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        Map<String, List<NotificationTemplates.Slot>> byKind = new LinkedHashMap<>();
        for (NotificationTemplates.Slot slot : templates.list()) {
            byKind.computeIfAbsent(slot.kind(), kind -> new java.util.ArrayList<>())
                    .add(slot);
        }
        model.addAttribute("kinds", byKind);
        return "admin/templates";
    }

    @GetMapping(EDITOR)
    String editor(@PathVariable String kind, @PathVariable String channel, @PathVariable String language, Model model) {
        NotificationTemplates.Source source = templates.source(kind, channel, language);
        return editorPage(kind, channel, language, source, model);
    }

    @PostMapping(EDITOR + "/preview")
    String preview(
            @PathVariable String kind,
            @PathVariable String channel,
            @PathVariable String language,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String html,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        StaffAudit.changesNothing(); // posted as the merchant types: a preview, not an action
        preview(kind, channel, language, new NotificationTemplates.Source(subject, html, body), model);
        return "admin/template :: preview";
    }

    @PostMapping(EDITOR)
    String save(
            @PathVariable String kind,
            @PathVariable String channel,
            @PathVariable String language,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String html,
            @RequestParam(defaultValue = "") String body,
            Principal principal,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        NotificationTemplates.Source draft = new NotificationTemplates.Source(subject, html, body);
        try {
            templates.save(kind, channel, language, draft, ConsoleActor.of(principal));
        } catch (InvalidTemplate e) {
            // The draft stays in the form with what is wrong; nothing was saved.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("flash", new Flash(Flash.Kind.ERROR, text.get("template.save.invalid", e.getMessage())));
            return editorPage(kind, channel, language, draft, model);
        }
        Flash.success(redirect, text.get("template.save.done"));
        return redirectTo(kind, channel, language);
    }

    @PostMapping(EDITOR + "/reset")
    String reset(
            @PathVariable String kind,
            @PathVariable String channel,
            @PathVariable String language,
            RedirectAttributes redirect) {
        templates.reset(kind, channel, language);
        Flash.success(redirect, text.get("template.reset.done"));
        return redirectTo(kind, channel, language);
    }

    private String editorPage(
            String kind, String channel, String language, NotificationTemplates.Source source, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("channel", channel);
        model.addAttribute("language", language);
        model.addAttribute("source", source);
        model.addAttribute("edited", templates.edited(kind, channel, language));
        preview(kind, channel, language, source, model);
        return "admin/template";
    }

    private void preview(
            String kind, String channel, String language, NotificationTemplates.Source draft, Model model) {
        model.addAttribute("channel", channel);
        try {
            model.addAttribute("preview", templates.preview(kind, channel, language, draft));
        } catch (InvalidTemplate e) {
            model.addAttribute("previewError", e.getMessage());
        }
    }

    private static String redirectTo(String kind, String channel, String language) {
        return "redirect:/console/templates/" + kind + "/" + channel + "/" + language;
    }
}
