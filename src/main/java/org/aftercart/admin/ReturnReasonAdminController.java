package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aftercart.platform.Languages;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.InvalidReturnReason;
import org.aftercart.returns.ReturnReason;
import org.aftercart.returns.ReturnReasonSettings;
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
 * The merchant's return reasons: the tree with how many returns gave each, adding one (labelled in
 * every language), editing its labels and what it requires, ordering, and deactivating rather than
 * deleting (past returns keep their reason). Every change is audited with the reason before/after.
 */
@Controller
@RequestMapping("/console/settings/return-reasons")
class ReturnReasonAdminController {

    static final String PATH = "/console/settings/return-reasons";

    /** What was typed in the add or edit form, given back with the errors. */
    record Typed(
            String code,
            String parentCode,
            Map<String, String> labels,
            boolean requiresPhoto,
            boolean requiresComment,
            boolean requiresInspection) {

        static Typed blank() {
            return new Typed("", "", Map.of(), false, false, false);
        }

        static Typed of(ReturnReason reason) {
            return new Typed(
                    reason.code(),
                    reason.parentCode() == null ? "" : reason.parentCode(),
                    reason.labels(),
                    reason.requiresPhoto(),
                    reason.requiresComment(),
                    reason.requiresInspection());
        }

        public String label(String language) {
            return labels.getOrDefault(language, "");
        }
    }

    private final ReturnReasonSettings reasons;
    private final ConsoleText text;

    ReturnReasonAdminController(ReturnReasonSettings reasons, ConsoleText text) {
        this.reasons = reasons;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        return listPage(Typed.blank(), Map.of(), model);
    }

    @PostMapping
    String add(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String parentCode,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean requiresPhoto,
            @RequestParam(defaultValue = "false") boolean requiresComment,
            @RequestParam(defaultValue = "false") boolean requiresInspection,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Map<String, String> labels = labels(form);
        ReturnReasonSettings.ReasonDetails details =
                new ReturnReasonSettings.ReasonDetails(labels, requiresPhoto, requiresComment, requiresInspection);
        try {
            ReturnReason added = reasons.add(code, parentCode.isBlank() ? null : parentCode, details);
            StaffAudit.subject("return-reason", added.code());
            StaffAudit.change(null, added);
            Flash.success(redirect, text.get("return-reasons.added", added.code()));
            return "redirect:" + PATH;
        } catch (InvalidReturnReason invalid) {
            refused(invalid, response, model);
            return listPage(
                    new Typed(code, parentCode, labels, requiresPhoto, requiresComment, requiresInspection),
                    errors(invalid),
                    model);
        }
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        ReturnReason reason = reasons.find(code);
        return editPage(reason, Typed.of(reason), Map.of(), model);
    }

    @PostMapping("/{code}")
    String save(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean requiresPhoto,
            @RequestParam(defaultValue = "false") boolean requiresComment,
            @RequestParam(defaultValue = "false") boolean requiresInspection,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        ReturnReason before = reasons.find(code);
        StaffAudit.subject("return-reason", code);
        Map<String, String> labels = labels(form);
        try {
            ReturnReason after = reasons.edit(
                    code,
                    new ReturnReasonSettings.ReasonDetails(labels, requiresPhoto, requiresComment, requiresInspection));
            StaffAudit.change(before, after);
            Flash.success(redirect, text.get("return-reasons.saved", code));
            return "redirect:" + PATH;
        } catch (InvalidReturnReason invalid) {
            refused(invalid, response, model);
            return editPage(
                    before,
                    new Typed(
                            code,
                            before.parentCode() == null ? "" : before.parentCode(),
                            labels,
                            requiresPhoto,
                            requiresComment,
                            requiresInspection),
                    errors(invalid),
                    model);
        }
    }

    @PostMapping("/{code}/move")
    String move(@PathVariable String code, @RequestParam String direction, RedirectAttributes redirect) {
        StaffAudit.subject("return-reason", code);
        List<String> before = order();
        reasons.move(code, "up".equals(direction));
        StaffAudit.change(before, order());
        Flash.success(redirect, text.get("return-reasons.moved", code));
        return "redirect:" + PATH + "#reason-" + code;
    }

    @PostMapping("/{code}/deactivate")
    String deactivate(@PathVariable String code, RedirectAttributes redirect) {
        return activate(code, false, redirect);
    }

    @PostMapping("/{code}/reactivate")
    String reactivate(@PathVariable String code, RedirectAttributes redirect) {
        return activate(code, true, redirect);
    }

    private String activate(String code, boolean active, RedirectAttributes redirect) {
        StaffAudit.subject("return-reason", code);
        ReturnReason before = reasons.find(code);
        ReturnReason after = reasons.setActive(code, active);
        StaffAudit.change(before, after);
        Flash.success(redirect, text.get(active ? "return-reasons.reactivated" : "return-reasons.deactivated", code));
        return "redirect:" + PATH + "#reason-" + code;
    }

    /** The codes in the order customers see them, for the audit of a move. */
    private List<String> order() {
        return reasons.list().stream().map(entry -> entry.reason().code()).toList();
    }

    private void refused(InvalidReturnReason invalid, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        String refusal = text.get("return-reasons.invalid");
        StaffAudit.rejected(refusal + " " + invalid.getMessage());
        model.addAttribute("flash", new Flash(Flash.Kind.ERROR, refusal));
    }

    /** Each field's error as a message key: {@code return-reasons.error.<field>.<problem>}. */
    private static Map<String, String> errors(InvalidReturnReason invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidReturnReason.Problem problem : invalid.problems()) {
            String family = problem.field().startsWith("label-") ? "label" : problem.field();
            errors.putIfAbsent(problem.field(), "return-reasons.error." + family + "." + problem.problem());
        }
        return errors;
    }

    /** The labels posted as {@code label-en}, {@code label-fr}, one per supported language. */
    private static Map<String, String> labels(Map<String, String> form) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            labels.put(language.getLanguage(), form.getOrDefault("label-" + language.getLanguage(), ""));
        }
        return labels;
    }

    private String listPage(Typed typed, Map<String, String> errors, Model model) {
        List<ReturnReasonSettings.Entry> entries = reasons.list();
        model.addAttribute("entries", entries);
        model.addAttribute(
                "groups",
                entries.stream()
                        .map(ReturnReasonSettings.Entry::reason)
                        .filter(reason -> reason.parentCode() == null)
                        .toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonLanguages", languages());
        return "admin/return-reasons";
    }

    private String editPage(ReturnReason reason, Typed typed, Map<String, String> errors, Model model) {
        model.addAttribute("reason", reason);
        model.addAttribute("bundled", reasons.bundled(reason.code()));
        model.addAttribute("bundledLabels", reasons.bundledLabels(reason.code()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonLanguages", languages());
        return "admin/return-reason";
    }

    private static List<String> languages() {
        return Languages.SUPPORTED.stream().map(Locale::getLanguage).toList();
    }
}
