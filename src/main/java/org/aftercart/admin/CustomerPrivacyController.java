package org.aftercart.admin;

import java.security.Principal;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.privacy.Erasure;
import org.aftercart.privacy.PersonalDataRequests;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * An admin (the role matrix, {@link ConsoleAccess}, lets no one else here) downloads a customer's personal data or erases it for them. Erasure takes two steps: the
 * first shows what will happen (and what must finish first), the second does it.
 */
@Controller
@RequestMapping("/console/customers/{id}")
class CustomerPrivacyController {

    static final int MAX_REASON_LENGTH = 500;

    private final PersonalDataRequests requests;
    private final Customers customers;
    private final ConsoleText text;

    CustomerPrivacyController(PersonalDataRequests requests, Customers customers, ConsoleText text) {
        this.requests = requests;
        this.customers = customers;
        this.text = text;
    }

    @GetMapping("/personal-data")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("personal-data-" + id + ".json")
                                .build()
                                .toString())
                .body(requests.export(new CustomerId(id)));
    }

    /** The confirmation step: what erasure does, what blocks it now, and the button that does it. */
    @GetMapping("/erasure")
    String confirm(@PathVariable UUID id, Model model) {
        CustomerId customer = new CustomerId(id);
        model.addAttribute("customer", customers.find(customer).orElseThrow(() -> new CustomerNotFound(customer)));
        model.addAttribute("blockers", requests.erasureBlockers(customer));
        model.addAttribute("erasure", requests.erasure(customer).orElse(null));
        model.addAttribute("maxReasonLength", MAX_REASON_LENGTH);
        return "admin/customer-erasure";
    }

    @PostMapping("/erasure")
    String erase(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Principal principal,
            RedirectAttributes redirect) {
        String trimmed = reason.strip();
        if (!confirmed || trimmed.isEmpty() || trimmed.length() > MAX_REASON_LENGTH) {
            Flash.error(redirect, text.get("customer.privacy.erase.unconfirmed", MAX_REASON_LENGTH));
            return "redirect:/console/customers/" + id + "/erasure";
        }
        try {
            Erasure erasure = requests.erase(new CustomerId(id), ConsoleActor.of(principal), trimmed);
            Flash.success(
                    redirect,
                    text.get("customer.privacy.erase.done", erasure.modules().size()));
        } catch (ErrorResponseException refused) {
            Flash.error(redirect, text.problem(refused));
            return "redirect:/console/customers/" + id + "/erasure";
        }
        return "redirect:/console/customers/" + id;
    }
}
