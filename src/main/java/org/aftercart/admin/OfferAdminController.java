package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aftercart.offers.InvalidOffer;
import org.aftercart.offers.Offer;
import org.aftercart.offers.OfferDraft;
import org.aftercart.offers.OfferNotFound;
import org.aftercart.offers.OfferReport;
import org.aftercart.offers.OfferSlot;
import org.aftercart.offers.Offers;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offers for staff: every offer of the thank-you page with its views, unique views, clicks and
 * click-through, and an editor. Times are typed in the console's time zone. What is wrong is shown
 * next to the field (an overlap with another enabled offer names it), and nothing is saved until
 * all of it is right.
 */
@Controller
@RequestMapping("/console/offers")
class OfferAdminController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The form's fields, as the form sends them; times as {@code datetime-local} values. */
    record Form(
            @Nullable String headline,
            @Nullable String body,
            @Nullable String callToAction,
            @Nullable String targetUrl,
            @Nullable String code,
            @Nullable List<String> languages,
            @Nullable String startsAt,
            @Nullable String endsAt,
            @Nullable Boolean enabled) {

        static Form of(Offer offer, ZoneId zone) {
            return new Form(
                    offer.headline(),
                    offer.body(),
                    offer.callToAction(),
                    offer.targetUrl().toString(),
                    offer.code(),
                    offer.languages(),
                    local(offer.startsAt(), zone),
                    offer.endsAt() == null ? "" : local(offer.endsAt(), zone),
                    offer.enabled());
        }

        static Form blank(Instant now, ZoneId zone) {
            return new Form("", "", "", "https://", "", List.of(), local(now, zone), "", false);
        }

        /** Whether the Enabled box is ticked; a box left unticked is not sent at all. */
        public boolean enabledTicked() {
            return Boolean.TRUE.equals(enabled);
        }

        public boolean hasLanguage(String code) {
            return languages != null && languages.contains(code);
        }

        OfferDraft draft(ZoneId zone) {
            return new OfferDraft(
                    OfferSlot.THANK_YOU,
                    orEmpty(headline),
                    orEmpty(body),
                    orEmpty(callToAction),
                    orEmpty(targetUrl),
                    code,
                    languages == null ? List.of() : languages,
                    instant(startsAt, zone),
                    instant(endsAt, zone),
                    enabledTicked());
        }

        /** What the browser sent that is not a time; the draft then has no time there. */
        Map<String, String> unreadableTimes() {
            Map<String, String> problems = new LinkedHashMap<>();
            if (endsAt != null && !endsAt.isBlank() && instant(endsAt, ZoneId.of("UTC")) == null) {
                problems.put("endsAt", "missing");
            }
            return problems;
        }

        private static @Nullable Instant instant(@Nullable String value, ZoneId zone) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String local(Instant instant, ZoneId zone) {
            return LOCAL.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
        }

        /** A field the browser did not send at all. */
        private static String orEmpty(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    private final Offers offers;
    private final ConsoleText text;
    private final Clock clock;

    OfferAdminController(Offers offers, ConsoleText text, Clock clock) {
        this.offers = offers;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        List<OfferReport> reports = offers.reports();
        model.addAttribute("reports", reports);
        model.addAttribute("now", clock.instant());
        return "admin/offers";
    }

    @GetMapping("/new")
    String newOffer(Model model) {
        return editor(null, Form.blank(clock.instant(), zone()), model);
    }

    @PostMapping
    String create(Form form, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        try {
            refuseUnreadableTimes(form);
            Offer created = offers.create(form.draft(zone()));
            Flash.success(redirect, text.get("offers.admin.saved"));
            return "redirect:/console/offers/" + created.id();
        } catch (InvalidOffer e) {
            return refused(null, form, e, response, model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Offer offer = offers.find(id).orElseThrow(() -> new OfferNotFound(id));
        model.addAttribute("offer", offer);
        model.addAttribute("stats", offers.report(id).map(OfferReport::stats).orElseThrow(() -> new OfferNotFound(id)));
        return editor(id, Form.of(offer, zone()), model);
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable UUID id, Form form, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Offer offer = offers.find(id).orElseThrow(() -> new OfferNotFound(id));
        model.addAttribute("offer", offer);
        try {
            refuseUnreadableTimes(form);
            offers.update(id, form.draft(zone()));
        } catch (InvalidOffer e) {
            return refused(id, form, e, response, model);
        }
        Flash.success(redirect, text.get("offers.admin.saved"));
        return "redirect:/console/offers/" + id;
    }

    /** An end time that is not a time must not become "open-ended" without a word. */
    private static void refuseUnreadableTimes(Form form) {
        Map<String, String> unreadable = form.unreadableTimes();
        if (!unreadable.isEmpty()) {
            Map<String, String> problems =
                    new LinkedHashMap<>(form.draft(ZoneId.of("UTC")).problems());
            problems.putAll(unreadable);
            throw new InvalidOffer(problems);
        }
    }

    /** The draft stays in the form, each problem next to its field; nothing was saved. */
    private String refused(@Nullable UUID id, Form form, InvalidOffer e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach((field, problem) -> errors.put(field, "offers.admin.error." + field + "." + problem));
        model.addAttribute("errors", errors);
        model.addAttribute("overlapping", e.overlapping());
        model.addAttribute("flash", new Flash(Flash.Kind.ERROR, text.get("offers.admin.invalid")));
        return editor(id, form, model);
    }

    private String editor(@Nullable UUID id, Form form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute(
                "offerLanguages",
                Languages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        return "admin/offer";
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }
}
