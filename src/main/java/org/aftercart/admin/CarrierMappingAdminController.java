package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.aftercart.platform.StaffAudit;
import org.aftercart.tracking.InvalidStatusMapping;
import org.aftercart.tracking.StatusMappingSettings;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How carriers' codes map to tracking statuses: the built-in table filtered by vocabulary and code,
 * the merchant's overrides marked, a form to set one (prefilled from a row or an unmapped code),
 * removing one, and the codes recent events came with that nothing mapped. Each change is audited.
 */
@Controller
@RequestMapping("/console/settings/carrier-mappings")
class CarrierMappingAdminController {

    static final String PAGE = "/console/settings/carrier-mappings";
    static final int PAGE_SIZE = 40;
    static final Duration UNMAPPED_WINDOW = Duration.ofDays(30);
    static final int UNMAPPED_SHOWN = 20;
    /** The statuses' labels, one key per {@link TrackingStatus} (checked by the messages bundle test). */
    static final String STATUS_LABEL = "tracking.status.";

    /** What the form holds: the code being mapped and the chosen status, as text. */
    record MappingForm(String vocabulary, String code, String detail, String status) {}

    private final StatusMappingSettings mappings;
    private final ConsoleText text;

    CarrierMappingAdminController(StatusMappingSettings mappings, ConsoleText text) {
        this.mappings = mappings;
        this.text = text;
    }

    @GetMapping
    String page(
            @RequestParam(defaultValue = "") String vocabulary,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "map-vocabulary", defaultValue = "") String mapVocabulary,
            @RequestParam(name = "map-code", defaultValue = "") String mapCode,
            @RequestParam(name = "map-detail", defaultValue = "") String mapDetail,
            Model model) {
        String status = mapCode.isEmpty()
                ? ""
                : mappings.row(mapVocabulary, mapCode, mapDetail)
                        .map(row -> row.effective().name())
                        .orElse("");
        return page(
                vocabulary, code, page, new MappingForm(mapVocabulary, mapCode, mapDetail, status), Map.of(), model);
    }

    @PostMapping
    String set(
            @RequestParam(name = "map-vocabulary", defaultValue = "") String vocabulary,
            @RequestParam(name = "map-code", defaultValue = "") String code,
            @RequestParam(name = "map-detail", defaultValue = "") String detail,
            @RequestParam(defaultValue = "") String status,
            Principal principal,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        TrackingStatus chosen = Arrays.stream(TrackingStatus.values())
                .filter(candidate -> candidate.name().equals(status))
                .findFirst()
                .orElse(null);
        Optional<StatusMappingSettings.Row> before;
        try {
            before = mappings.set(vocabulary, code, detail, chosen, ConsoleActor.of(principal));
        } catch (InvalidStatusMapping invalid) {
            // The draft stays in the form with each problem next to its field; nothing was saved.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            StaffAudit.rejected(invalid.getMessage());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems()
                    .forEach(problem -> errors.put(
                            problem.field().name().toLowerCase(java.util.Locale.ROOT),
                            "mappings.error." + problem.field().name().toLowerCase(java.util.Locale.ROOT)));
            model.addAttribute("flash", new Flash(Flash.Kind.ERROR, text.get("mappings.save.invalid")));
            return page(vocabulary, "", 0, new MappingForm(vocabulary, code, detail, status), errors, model);
        }
        StatusMappingSettings.Row after =
                mappings.override(vocabulary, code.strip(), detail.strip()).orElseThrow();
        StaffAudit.subject("status-mapping", subjectId(after.vocabulary(), after.code(), after.detail()));
        StaffAudit.change(before.orElse(null), after);
        Flash.success(
                redirect,
                text.get(
                        "mappings.save.done",
                        after.vocabulary(),
                        label(after.code(), after.detail()),
                        text.get(STATUS_LABEL + after.effective().name())));
        return "redirect:" + listAddress(after.vocabulary(), after.code());
    }

    @PostMapping("/remove")
    String remove(
            @RequestParam(name = "map-vocabulary", defaultValue = "") String vocabulary,
            @RequestParam(name = "map-code", defaultValue = "") String code,
            @RequestParam(name = "map-detail", defaultValue = "") String detail,
            RedirectAttributes redirect) {
        StaffAudit.subject("status-mapping", subjectId(vocabulary, code, detail));
        Optional<StatusMappingSettings.Row> removed = mappings.remove(vocabulary, code, detail);
        if (removed.isEmpty()) {
            Flash.error(redirect, text.get("mappings.remove.none"));
        } else {
            StaffAudit.change(removed.get(), null);
            Flash.success(redirect, text.get("mappings.remove.done", vocabulary, label(code, detail)));
        }
        return "redirect:" + listAddress(vocabulary, code);
    }

    private String page(
            String vocabulary, String code, int page, MappingForm form, Map<String, String> errors, Model model) {
        StatusMappingSettings.Page rows = mappings.search(vocabulary, code, page, PAGE_SIZE);
        model.addAttribute("vocabularies", mappings.vocabularies());
        model.addAttribute("statuses", TrackingStatus.values());
        model.addAttribute("vocabulary", vocabulary);
        model.addAttribute("code", code);
        model.addAttribute("rows", rows);
        model.addAttribute("previousPage", rows.page() > 0 ? pageAddress(vocabulary, code, rows.page() - 1) : null);
        model.addAttribute(
                "nextPage", rows.page() + 1 < rows.pages() ? pageAddress(vocabulary, code, rows.page() + 1) : null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unmapped", mappings.unmapped(UNMAPPED_WINDOW, UNMAPPED_SHOWN));
        model.addAttribute("unmappedDays", UNMAPPED_WINDOW.toDays());
        model.addAttribute("maxCodeLength", StatusMappingSettings.MAX_CODE_LENGTH);
        return "admin/carrier-mappings";
    }

    private static String pageAddress(String vocabulary, String code, int page) {
        return UriComponentsBuilder.fromPath(PAGE)
                .queryParamIfPresent("vocabulary", Optional.of(vocabulary).filter(v -> !v.isBlank()))
                .queryParamIfPresent("code", Optional.of(code).filter(c -> !c.isBlank()))
                .queryParam("page", page)
                .encode()
                .toUriString();
    }

    private static String listAddress(String vocabulary, String code) {
        return UriComponentsBuilder.fromPath(PAGE)
                .queryParam("vocabulary", vocabulary)
                .queryParam("code", code.strip())
                .encode()
                .toUriString();
    }

    private static String subjectId(String vocabulary, String code, @Nullable String detail) {
        return vocabulary + ":" + code + (detail == null || detail.isBlank() ? "" : ":" + detail);
    }

    private static String label(String code, String detail) {
        return detail.isBlank() ? code : code + " / " + detail;
    }
}
