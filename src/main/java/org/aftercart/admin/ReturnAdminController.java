package org.aftercart.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.inventory.Inventory;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnNotFound;
import org.aftercart.returns.ReturnPhoto;
import org.aftercart.returns.ReturnSummary;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The returns desk: every return by status with its search, and one return with its items, money,
 * timeline and the steps its status allows. Every step goes through {@link Returns}, so the console
 * obeys the same rules as self-service, and a refusal is shown as the module words it.
 */
@Controller
@RequestMapping("/console/returns")
class ReturnAdminController {

    static final int PAGE_SIZE = 25;
    static final int MAX_TEXT_LENGTH = 500;

    /** A list row with its age, counted when the page is shown. */
    record Row(ReturnSummary summary, long ageDays) {}

    private final Returns returns;
    private final Inventory inventory;
    private final ConsoleText text;
    private final Clock clock;

    ReturnAdminController(Returns returns, Inventory inventory, ConsoleText text, Clock clock) {
        this.returns = returns;
        this.inventory = inventory;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(name = "status", defaultValue = "all") String status,
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ReturnTab tab = ReturnTab.of(status);
        String trimmed = query.strip();
        var results = returns.search(tab.statuses(), trimmed, Math.max(page, 0), PAGE_SIZE);
        List<Row> rows = results.returns().stream()
                .map(summary -> new Row(
                        summary,
                        Duration.between(summary.createdAt(), clock.instant()).toDays()))
                .toList();
        model.addAttribute("tabs", ReturnTab.values());
        model.addAttribute("tab", tab);
        model.addAttribute("query", trimmed);
        model.addAttribute("results", results);
        model.addAttribute("rows", rows);
        return "admin/returns";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ReturnId returnId = new ReturnId(id);
        ReturnView request = returns.find(returnId).orElseThrow(() -> new ReturnNotFound(id.toString()));
        model.addAttribute("request", request);
        model.addAttribute("photos", returns.photoIds(returnId));
        model.addAttribute("locations", inventory.locations());
        model.addAttribute("conditions", ItemCondition.values());
        model.addAttribute("maxTextLength", MAX_TEXT_LENGTH);
        return "admin/return";
    }

    /** A photo of an item, for the thumbnails; served from the console so it needs a staff sign-in. */
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        ReturnPhoto photo =
                returns.photo(new ReturnId(id), photoId).orElseThrow(() -> new ReturnNotFound(id.toString()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    @PostMapping("/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            Principal principal,
            RedirectAttributes redirect) {
        return step(id, redirect, "return.approve.done", () -> {
            String trimmed = note.strip();
            return returns.approve(
                    new ReturnId(id), ConsoleActor.of(principal), trimmed.isEmpty() ? null : limited(trimmed));
        });
    }

    @PostMapping("/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            RedirectAttributes redirect) {
        return withReason(
                id,
                reason,
                redirect,
                "return.reject.done",
                () -> returns.reject(new ReturnId(id), ConsoleActor.of(principal), reason.strip()));
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            RedirectAttributes redirect) {
        return withReason(
                id,
                reason,
                redirect,
                "return.cancel.done",
                () -> returns.cancel(new ReturnId(id), ConsoleActor.of(principal), reason.strip()));
    }

    /** A step that needs a reason a person can read: refused in place when it is missing or too long. */
    private String withReason(UUID id, String reason, RedirectAttributes redirect, String doneKey, Step action) {
        if (!validText(reason)) {
            Flash.error(redirect, text.get("return.reason-invalid", MAX_TEXT_LENGTH));
            return redirectTo(id);
        }
        return step(id, redirect, doneKey, action);
    }

    @PostMapping("/{id}/in-transit")
    String inTransit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String carrier,
            @RequestParam(defaultValue = "") String trackingNumber,
            Principal principal,
            RedirectAttributes redirect) {
        return step(
                id,
                redirect,
                "return.in-transit.done",
                () -> returns.markInTransit(
                        new ReturnId(id),
                        carrier.isBlank() ? null : limited(carrier.strip()),
                        trackingNumber.isBlank() ? null : limited(trackingNumber.strip()),
                        ConsoleActor.of(principal)));
    }

    /** Receives every item with the units, condition, resellability and restock location given for it. */
    @PostMapping("/{id}/receive")
    String receive(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Principal principal,
            RedirectAttributes redirect) {
        ReturnId returnId = new ReturnId(id);
        ReturnView request = returns.find(returnId).orElseThrow(() -> new ReturnNotFound(id.toString()));
        List<ReceivedItem> received;
        try {
            received = ReceiptForm.read(request, form, null);
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, text.get("return.receive.invalid"));
            return redirectTo(id);
        }
        return step(
                id,
                redirect,
                "return.receive.done",
                () -> returns.receive(returnId, received, ConsoleActor.of(principal)));
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        return step(
                id,
                redirect,
                "return.resolve.done",
                () -> returns.resolve(new ReturnId(id), ConsoleActor.of(principal)));
    }

    @PostMapping("/{id}/refunded-by-hand")
    String refundedByHand(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reference,
            Principal principal,
            RedirectAttributes redirect) {
        if (!validText(reference)) {
            Flash.error(redirect, text.get("return.reference-invalid", MAX_TEXT_LENGTH));
            return redirectTo(id);
        }
        return step(
                id,
                redirect,
                "return.refunded-by-hand.done",
                () -> returns.markRefundedByHand(new ReturnId(id), ConsoleActor.of(principal), reference.strip()));
    }

    /** Runs a step, then shows what became of the return, or the module's refusal, on its page. */
    private String step(UUID id, RedirectAttributes redirect, String doneKey, Step step) {
        try {
            ReturnView before = returns.find(new ReturnId(id)).orElseThrow(() -> new ReturnNotFound(id.toString()));
            ReturnView after = step.run();
            StaffAudit.change(AuditSnapshots.of(before), AuditSnapshots.of(after));
            Flash.success(redirect, text.get(doneKey, after.number(), text.get(statusKey(after))));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return redirectTo(id);
    }

    @FunctionalInterface
    private interface Step {
        ReturnView run();
    }

    /** The key of the status's label: every status has one (MessagesBundleTests checks). */
    private static String statusKey(ReturnView request) {
        return "return.status." + request.status();
    }

    static String redirectTo(UUID returnId) {
        return "redirect:/console/returns/" + returnId;
    }

    private static boolean validText(String value) {
        String trimmed = value.strip();
        return !trimmed.isEmpty() && trimmed.length() <= MAX_TEXT_LENGTH;
    }

    private static String limited(String value) {
        return value.length() <= MAX_TEXT_LENGTH ? value : value.substring(0, MAX_TEXT_LENGTH);
    }
}
