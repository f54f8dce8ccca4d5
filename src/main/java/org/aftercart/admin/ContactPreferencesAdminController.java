package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.ContactPreferencesForm;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.platform.StaffAudit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent changes how a customer wants to be reached, as the customer asked them to (on the
 * phone, in the store): the same preferences and checks as the customer's own account, except that
 * marketing consent can only be withdrawn here, never given. A refusal shows the customer's page
 * with the form as submitted and what is wrong, and writes nothing. The change lands on the
 * customer's timeline in the agent's name (customers.ContactPreferencesChanged).
 */
@Controller
class ContactPreferencesAdminController {

    private final Customers customers;
    private final CustomerAdminController pages;
    private final ConsoleText text;

    ContactPreferencesAdminController(Customers customers, CustomerAdminController pages, ConsoleText text) {
        this.customers = customers;
        this.pages = pages;
        this.text = text;
    }

    @PostMapping("/console/customers/{customerId}/contact-preferences")
    String change(
            @PathVariable UUID customerId,
            @RequestParam Map<String, String> fields,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CustomerId customer = new CustomerId(customerId);
        ContactPreferences current =
                customers.contactPreferences(customer).orElseThrow(() -> new CustomerNotFound(customer));
        ContactPreferencesForm form = ContactPreferencesForm.from(fields);
        List<String> errors = new ArrayList<>(form.problems().stream()
                .map(problem -> "customer-preferences.error." + problem)
                .toList());
        // Consent must come from the customer themself: an agent keeps or withdraws it, never gives it.
        if (form.marketingConsent() && !current.marketingConsent()) {
            errors.add("customer-preferences.error.consent");
        }
        if (!errors.isEmpty()) {
            String reason = String.join(" ", errors.stream().map(text::get).toList());
            StaffAudit.rejected(reason);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(Flash.ATTRIBUTE, new Flash(Flash.Kind.ERROR, reason));
            model.addAttribute("preferencesForm", form);
            model.addAttribute("preferencesErrors", errors);
            return pages.customer(customerId, null, null, model);
        }
        try {
            ContactPreferences changed = customers.updateContactPreferences(
                    customer,
                    form.toPreferences(current, form.marketingConsent() && current.marketingConsent()),
                    ConsoleActor.of(principal));
            StaffAudit.change(snapshot(current), snapshot(changed));
            Flash.success(redirect, text.get("customer-preferences.done"));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return "redirect:/console/customers/" + customerId + "#contact-preferences";
    }

    /** What the audit log keeps: the choices only, nothing that names the customer. */
    private static Map<String, Object> snapshot(ContactPreferences preferences) {
        return Map.of(
                "preferredChannel",
                preferences.preferredChannel().name(),
                "channelByKind",
                new java.util.TreeMap<>(preferences.channelByKind()),
                "marketingConsent",
                preferences.marketingConsent(),
                "quietHours",
                preferences.quietHoursStart() == null
                        ? ""
                        : preferences.quietHoursStart() + "-" + preferences.quietHoursEnd(),
                "timeZone",
                preferences.timeZone() == null ? "" : preferences.timeZone().getId(),
                "language",
                preferences.language());
    }
}
