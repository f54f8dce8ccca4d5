package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aftercart.platform.Branding;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.InvalidBranding;
import org.aftercart.platform.Languages;
import org.aftercart.platform.StaffAudit;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant's brand on customer pages and e-mails: the form (prefilled with the brand that
 * applies now), a preview that follows the form as it changes (htmx posts the draft; its colours
 * come from a style sheet whose address carries them, as the console allows no inline style), saving
 * and going back to the configuration's brand. Every change is audited with before and after.
 */
@Controller
@RequestMapping("/console/settings/branding")
class BrandingAdminController {

    private static final String PAGE = "/console/settings/branding";

    private final BrandingSettings branding;
    private final ConsoleText text;
    private final MessageSource messages;

    BrandingAdminController(BrandingSettings branding, ConsoleText text, MessageSource messages) {
        this.branding = branding;
        this.text = text;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        Branding current = branding.current();
        return page(BrandingForm.of(current), current, Map.of(), model);
    }

    @PostMapping
    String save(
            @RequestParam Map<String, String> fields,
            Principal principal,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        BrandingForm form = BrandingForm.of(fields);
        Branding saved;
        try {
            saved = form.toBranding();
        } catch (InvalidBranding invalid) {
            // The draft stays in the form with each problem next to its field; nothing was saved.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            StaffAudit.rejected(invalid.getMessage());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.putIfAbsent(problem.field(), errorKey(problem.field())));
            model.addAttribute("flash", new Flash(Flash.Kind.ERROR, text.get("branding.save.invalid")));
            return page(form, branding.current(), errors, model);
        }
        StaffAudit.subject("branding", "shop");
        Branding before = branding.save(saved, ConsoleActor.of(principal));
        StaffAudit.change(before, saved);
        Flash.success(redirect, text.get("branding.save.done"));
        return "redirect:" + PAGE;
    }

    @PostMapping("/reset")
    String reset(RedirectAttributes redirect) {
        StaffAudit.subject("branding", "shop");
        Branding before = branding.reset();
        StaffAudit.change(before, branding.defaults());
        Flash.success(redirect, text.get("branding.reset.done"));
        return "redirect:" + PAGE;
    }

    /** The preview of the draft as it is typed (htmx); a wrong field shows as the brand has it now. */
    @PostMapping("/preview")
    String preview(@RequestParam Map<String, String> fields, Model model) {
        StaffAudit.changesNothing(); // posted as the admin types: a preview, not an action
        preview(BrandingForm.of(fields), branding.current(), model);
        return "admin/branding :: preview";
    }

    /**
     * The draft's colours and font as custom properties for the preview panel only. Its address
     * carries the values, so each draft is its own style sheet; values the brand refuses fall back
     * on the current brand's.
     */
    @GetMapping(value = "/preview.css", produces = "text/css")
    @ResponseBody
    ResponseEntity<String> previewStylesheet(
            @RequestParam(defaultValue = "") String primary,
            @RequestParam(defaultValue = "") String accent,
            @RequestParam(defaultValue = "") String background,
            @RequestParam(defaultValue = "") String font) {
        Branding current = branding.current();
        Branding shown = current;
        try {
            shown = new Branding(current.shopName(), null, primary, accent, background, font, Map.of());
        } catch (InvalidBranding refused) {
            // The form shows what is wrong; the preview keeps the brand as it is.
        }
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(shown.stylesheet(".brand-preview"));
    }

    private String page(BrandingForm form, Branding current, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", branding.saved().orElse(null));
        model.addAttribute("defaults", branding.defaults());
        model.addAttribute(
                "brandLanguages",
                Languages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        model.addAttribute("maxShopNameLength", Branding.MAX_SHOP_NAME_LENGTH);
        model.addAttribute("maxLogoUrlLength", Branding.MAX_LOGO_URL_LENGTH);
        model.addAttribute("maxGreetingLength", Branding.MAX_GREETING_LENGTH);
        preview(form, current, model);
        return "admin/branding";
    }

    /** What the preview panel shows: the draft's valid fields, the current brand's for the wrong ones. */
    private void preview(BrandingForm form, Branding current, Model model) {
        Branding shown = validOr(form, current);
        List<PreviewGreeting> greetings = Languages.SUPPORTED.stream()
                .map(language -> new PreviewGreeting(language.getLanguage(), greeting(shown, language)))
                .toList();
        model.addAttribute("preview", shown);
        model.addAttribute("previewGreetings", greetings);
    }

    /** The draft, each wrong field of it shown as the current brand has it. */
    private static Branding validOr(BrandingForm form, Branding current) {
        try {
            return form.toBranding();
        } catch (InvalidBranding invalid) {
            Set<String> wrong = invalid.problems().stream()
                    .map(InvalidBranding.Problem::field)
                    .collect(Collectors.toSet());
            try {
                return form.withFieldsOf(BrandingForm.of(current), wrong).toBranding();
            } catch (InvalidBranding stillWrong) {
                return current;
            }
        }
    }

    /** The greeting a customer called Jo would read in this language. */
    private String greeting(Branding shown, Locale language) {
        String own = shown.greetingFor(language);
        String firstName = messages.getMessage("branding.preview.first-name", null, language);
        if (own != null) {
            return own.replace("{0}", firstName);
        }
        return messages.getMessage("tracking.page.greeting", new Object[] {firstName}, language);
    }

    private static String errorKey(String field) {
        if (field.endsWith("-colour")) {
            return "branding.error.colour";
        }
        if (field.startsWith("greeting.")) {
            return "branding.error.greeting";
        }
        return "branding.error." + field;
    }

    record PreviewGreeting(String language, String text) {}
}
