package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnPolicyRules;
import org.aftercart.returns.ReturnPolicySettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The return policy an admin sets: the configured rules as defaults, the admin's rules in their
 * place once saved, and a reset back to the defaults. A save applies to new return requests at once
 * (on this instance; on the others within the policy cache's time), and is audited before/after.
 */
@Controller
@RequestMapping("/console/settings/return-policy")
class ReturnPolicyAdminController {

    static final String PATH = "/console/settings/return-policy";

    private final ReturnPolicySettings policies;
    private final ConsoleText text;

    ReturnPolicyAdminController(ReturnPolicySettings policies, ConsoleText text) {
        this.policies = policies;
        this.text = text;
    }

    @GetMapping
    String show(Model model) {
        return page(ReturnPolicyForm.of(policies.current()), Map.of(), model);
    }

    @PostMapping
    String save(
            @ModelAttribute("form") ReturnPolicyForm form,
            Principal principal,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        StaffAudit.subject("return-policy", "in-force");
        ReturnPolicyForm.Reading reading = form.read();
        if (reading.rules() == null) {
            // Nothing is written: the form comes back as typed, each problem beside its field.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String refusal = text.get("return-policy.invalid");
            StaffAudit.rejected(
                    refusal + " " + String.join(", ", reading.errors().keySet()));
            model.addAttribute("flash", new Flash(Flash.Kind.ERROR, refusal));
            return page(form, reading.errors(), model);
        }
        ReturnPolicyRules before = policies.current();
        policies.save(reading.rules(), ConsoleActor.of(principal));
        StaffAudit.change(before, reading.rules());
        Flash.success(redirect, text.get("return-policy.saved"));
        return "redirect:" + PATH;
    }

    @PostMapping("/reset")
    String reset(RedirectAttributes redirect) {
        StaffAudit.subject("return-policy", "in-force");
        ReturnPolicyRules before = policies.current();
        policies.reset();
        StaffAudit.change(before, policies.defaults());
        Flash.success(redirect, text.get("return-policy.reset.done"));
        return "redirect:" + PATH;
    }

    private String page(ReturnPolicyForm form, Map<String, String> errors, Model model) {
        ReturnPolicySettings.Effective effective = policies.effective();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("effective", effective);
        model.addAttribute("defaults", ReturnPolicyForm.of(policies.defaults()));
        model.addAttribute("customersSee", customersSee(effective.rules()));
        return "admin/return-policy";
    }

    /** The policy in force as the customer meets it, in the reader's language. */
    private List<String> customersSee(ReturnPolicyRules rules) {
        List<String> lines = new ArrayList<>();
        lines.add(text.get("return-policy.customers.window", rules.window().toDays()));
        rules.categoryWindows()
                .forEach((category, window) ->
                        lines.add(text.get("return-policy.customers.category-window", category, window.toDays())));
        if (!rules.finalSaleSkus().isEmpty() || !rules.finalSaleCategories().isEmpty()) {
            List<String> finalSale = new ArrayList<>(rules.finalSaleCategories());
            finalSale.addAll(rules.finalSaleSkus());
            lines.add(text.get("return-policy.customers.final-sale", String.join(", ", finalSale)));
        }
        if (!rules.allowedCountries().isEmpty()) {
            lines.add(text.get("return-policy.customers.countries", String.join(", ", rules.allowedCountries())));
        }
        if (rules.storeCreditBonusPercent().signum() > 0) {
            lines.add(text.get("return-policy.customers.bonus", plain(rules.storeCreditBonusPercent())));
        }
        lines.add(text.get(
                rules.instantExchange()
                        ? "return-policy.customers.instant-exchange"
                        : "return-policy.customers.no-instant-exchange"));
        if (rules.returnShippingCost() != null && rules.returnShippingCost().signum() > 0) {
            lines.add(text.get("return-policy.customers.keep-it", plain(rules.returnShippingCost())));
        }
        lines.add(text.get(
                rules.exchangeOutOfStock() == ReturnOutcome.REFUND
                        ? "return-policy.customers.exchange-fallback.REFUND"
                        : "return-policy.customers.exchange-fallback.STORE_CREDIT"));
        lines.add(text.get(
                !rules.autoApprove()
                        ? "return-policy.customers.approval.person"
                        : rules.autoApproveUpTo() == null
                                ? "return-policy.customers.approval.automatic"
                                : "return-policy.customers.approval.up-to",
                rules.autoApproveUpTo() == null ? "" : plain(rules.autoApproveUpTo())));
        return lines;
    }

    /** Numbers as typed in the form ("10", "4.50"), not as MessageFormat would group them. */
    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
