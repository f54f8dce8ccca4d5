package org.aftercart.admin;

import java.util.UUID;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.ContactPreferencesForm;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.notifications.Notifications;
import org.aftercart.platform.Languages;
import org.aftercart.privacy.PersonalDataRequests;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.wallet.Wallet;
import org.aftercart.wallet.WalletBalance;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A customer's page: contact details and preferences, the profile details they chose to give,
 * store credit with its history, returns, and
 * every message sent to them or not (bounces and provider errors with their reasons), newest
 * first; their timeline (admin/customer-timeline.html); for admins, the download and erasure of
 * their personal data.
 */
@Controller
@RequestMapping("/console/customers")
class CustomerAdminController {

    private final Customers customers;
    private final Notifications notifications;
    private final Wallet wallet;
    private final Returns returns;
    private final PersonalDataRequests privacy;
    private final CustomerTimelineView timeline;
    private final ConsoleAccess access;

    CustomerAdminController(
            Customers customers,
            Notifications notifications,
            Wallet wallet,
            Returns returns,
            PersonalDataRequests privacy,
            CustomerTimelineView timeline,
            ConsoleAccess access) {
        this.access = access;
        this.customers = customers;
        this.notifications = notifications;
        this.wallet = wallet;
        this.returns = returns;
        this.privacy = privacy;
        this.timeline = timeline;
    }

    @GetMapping("/{id}")
    String customer(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String before,
            Model model) {
        CustomerId customer = new CustomerId(id);
        model.addAttribute("customer", customers.find(customer).orElseThrow(() -> new CustomerNotFound(customer)));
        ContactPreferences preferences =
                customers.contactPreferences(customer).orElseThrow(() -> new CustomerNotFound(customer));
        model.addAttribute("preferences", preferences);
        if (!model.containsAttribute("preferencesForm")) {
            model.addAttribute("preferencesForm", ContactPreferencesForm.of(preferences));
        }
        model.addAttribute("preferenceKinds", ContactPreferencesForm.CHOOSABLE_KINDS);
        model.addAttribute("languageChoices", Languages.SUPPORTED);
        model.addAttribute("mayChangePreferences", access.mayPost("/console/customers/" + id + "/contact-preferences"));
        model.addAttribute(
                "details", customers.profileDetails(customer).orElseThrow(() -> new CustomerNotFound(customer)));
        model.addAttribute("erasure", privacy.erasure(customer).orElse(null));
        timeline.addTo(model, customer, kind, before);
        model.addAttribute("mayHandlePersonalData", access.mayOpen("/console/customers/" + id + "/erasure"));
        model.addAttribute("messages", notifications.ofCustomer(customer));
        model.addAttribute(
                "credit",
                wallet.storeCredit(customer).map(WalletBalance::balances).orElse(java.util.List.of()));
        model.addAttribute("creditHistory", wallet.history(customer));
        model.addAttribute(
                "returns",
                returns.ofCustomer(customer).stream()
                        .sorted(java.util.Comparator.comparing(ReturnView::createdAt)
                                .reversed())
                        .toList());
        return "admin/customer";
    }
}
