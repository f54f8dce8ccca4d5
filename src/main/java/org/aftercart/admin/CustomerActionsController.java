package org.aftercart.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.conversations.Conversations;
import org.aftercart.customers.CustomerId;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.shared.Money;
import org.aftercart.wallet.StaffGrantLimit;
import org.aftercart.wallet.StaffGrantLimitReached;
import org.aftercart.wallet.StoreCreditGrant;
import org.aftercart.wallet.Wallet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What staff do for a customer from their page: leave an internal note, grant goodwill store credit
 * within their role's limit, and send a new copy of a message the customer received. Each goes
 * through the owning module's rules and lands on the customer's timeline through its event.
 */
@Controller
@RequestMapping("/console/customers/{customerId}")
class CustomerActionsController {

    static final int MAX_REASON_LENGTH = 500;

    private final Conversations conversations;
    private final Wallet wallet;
    private final Notifications notifications;
    private final GoodwillLimits limits;
    private final ConsoleText text;
    private final ConsoleFormat format;
    private final Clock clock;
    private final ZoneId shopZone;

    CustomerActionsController(
            Conversations conversations,
            Wallet wallet,
            Notifications notifications,
            GoodwillLimits limits,
            ConsoleText text,
            ConsoleFormat format,
            Clock clock,
            @Value("${aftercart.console.time-zone:Europe/London}") ZoneId shopZone) {
        this.conversations = conversations;
        this.wallet = wallet;
        this.notifications = notifications;
        this.limits = limits;
        this.text = text;
        this.format = format;
        this.clock = clock;
        this.shopZone = shopZone;
    }

    /** When the shop's day began, in the shop's time zone: a day's goodwill is counted from here. */
    static Instant startOfToday(Clock clock, ZoneId shopZone) {
        return LocalDate.ofInstant(clock.instant(), shopZone)
                .atStartOfDay(shopZone)
                .toInstant();
    }

    @PostMapping("/notes")
    String addNote(
            @PathVariable UUID customerId,
            @RequestParam(defaultValue = "") String note,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            conversations.addNote(new CustomerId(customerId), null, note, principal.getName());
            Flash.success(redirect, text.get("customer-actions.note.done"));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return back(customerId);
    }

    /**
     * Refused above the per-grant limit of the signer's roles in that currency, before the wallet is
     * asked, and above what their daily limit leaves today, which the wallet checks against its own
     * ledger while it grants (one staff member's grants one at a time); the form's idempotency key
     * makes a double submit grant once.
     */
    @PostMapping("/goodwill")
    String grantGoodwill(
            @PathVariable UUID customerId,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String idempotencyKey,
            HttpServletRequest request,
            Principal principal,
            RedirectAttributes redirect) {
        String trimmedReason = reason.strip();
        if (trimmedReason.isEmpty() || trimmedReason.length() > MAX_REASON_LENGTH) {
            Flash.error(redirect, text.get("customer-actions.goodwill.reason-invalid", MAX_REASON_LENGTH));
            return back(customerId);
        }
        Optional<Money> asked = money(amount, currency);
        if (asked.isEmpty() || !asked.get().isPositive()) {
            Flash.error(redirect, text.get("customer-actions.goodwill.amount-invalid"));
            return back(customerId);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            Flash.error(redirect, text.get("customer-actions.goodwill.key-missing"));
            return back(customerId);
        }
        Money credit = asked.get();
        Optional<Money> limit = limits.limitFor(roles(request), credit.currency());
        if (limit.isEmpty()) {
            Flash.error(
                    redirect,
                    text.get(
                            "customer-actions.goodwill.no-limit",
                            credit.currency().getCurrencyCode()));
            return back(customerId);
        }
        if (credit.compareTo(limit.get()) > 0) {
            Flash.error(
                    redirect,
                    text.get("customer-actions.goodwill.above-limit", format.money(credit), format.money(limit.get())));
            return back(customerId);
        }
        Money dailyLimit =
                limits.dailyLimitFor(roles(request), credit.currency()).orElseThrow();
        try {
            StoreCreditGrant grant = wallet.grantStoreCreditByStaff(
                    new CustomerId(customerId),
                    credit,
                    "Goodwill: " + trimmedReason + " (" + principal.getName() + ")",
                    "goodwill:" + customerId + ":" + idempotencyKey,
                    new StaffGrantLimit(principal.getName(), dailyLimit, startOfToday(clock, shopZone)));
            Flash.success(
                    redirect,
                    text.get(
                            grant.replayed() ? "customer-actions.goodwill.replayed" : "customer-actions.goodwill.done",
                            format.money(grant.amount()),
                            format.money(grant.balanceAfter())));
        } catch (StaffGrantLimitReached e) {
            Flash.error(
                    redirect,
                    text.get(
                            "customer-actions.goodwill.above-daily-limit",
                            format.money(credit),
                            format.money(e.limit()),
                            format.money(e.remaining())));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return back(customerId);
    }

    @PostMapping("/messages/{messageId}/resend")
    String resend(
            @PathVariable UUID customerId,
            @PathVariable UUID messageId,
            @RequestParam(defaultValue = "") String idempotencyKey,
            Principal principal,
            RedirectAttributes redirect) {
        MessageView message = notifications.find(messageId).orElse(null);
        if (message == null || !customerId.equals(message.customerId())) {
            // Not found alike for no message and another customer's: a refusal of the role (403) would
            // misreport it, and the staff audit log would record a role refusal.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message of this customer");
        }
        String key = idempotencyKey.isBlank() || idempotencyKey.length() > 100
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        try {
            notifications.resend(messageId, principal.getName(), key);
            Flash.success(redirect, text.get("customer-actions.resend.done"));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return back(customerId);
    }

    static List<StaffAccounts.Role> roles(HttpServletRequest request) {
        return Arrays.stream(StaffAccounts.Role.values())
                .filter(role -> request.isUserInRole(role.name()))
                .toList();
    }

    private static Optional<Money> money(String amount, String currencyCode) {
        try {
            return Optional.of(new Money(
                    new BigDecimal(amount.strip().replace(',', '.')), Currency.getInstance(currencyCode.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String back(UUID customerId) {
        return "redirect:/console/customers/" + customerId + "#customer-actions";
    }
}
