package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.privacy.ErasureRefused;
import org.aftercart.privacy.PersonalDataRequests;
import org.aftercart.wallet.Wallet;
import org.aftercart.wallet.WalletBalance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's own privacy requests: a copy of all their data as one JSON file, and the erasure
 * of their account after a confirmation that says what goes, what the law makes the shop keep and
 * what is lost (store credit left). Always for the customer of the session.
 */
@Controller
class PrivacyRequestController {

    static final String REQUESTED_BY = "customer";

    private final AccountPages pages;
    private final PersonalDataRequests privacy;
    private final Customers customers;
    private final Wallet wallet;
    private final AccountSettings settings;

    PrivacyRequestController(
            AccountPages pages,
            PersonalDataRequests privacy,
            Customers customers,
            Wallet wallet,
            AccountSettings settings) {
        this.settings = settings;
        this.pages = pages;
        this.privacy = privacy;
        this.customers = customers;
        this.wallet = wallet;
    }

    @GetMapping("/account/personal-data")
    ResponseEntity<byte[]> download(Authentication signedIn) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("my-data-" + customer.id() + ".json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(privacy.export(customer));
    }

    @GetMapping("/account/delete")
    String confirmDeletion(Authentication signedIn, HttpServletRequest request, Model model) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        show(customer, privacy.erasureBlockers(customer), false, request, model);
        return "account/delete";
    }

    @PostMapping("/account/delete")
    String delete(
            @RequestParam(defaultValue = "") String understood,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        if (!"on".equals(understood)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(customer, privacy.erasureBlockers(customer), true, request, model);
            return "account/delete";
        }
        try {
            privacy.erase(customer, REQUESTED_BY, "Asked for in the customer's account");
        } catch (ErasureRefused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            show(customer, refused.blockers(), false, request, model);
            return "account/delete";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/account/sign-in?deleted";
    }

    private void show(
            CustomerId customer, List<String> blockers, boolean notConfirmed, HttpServletRequest request, Model model) {
        pages.common(request, model);
        model.addAttribute("signedIn", true);
        model.addAttribute("fmt", new AccountFormat(pages.locale(request), settings.timeZone()));
        model.addAttribute(
                "email", customers.find(customer).map(CustomerProfile::email).orElse(""));
        model.addAttribute("blockers", blockers);
        model.addAttribute("notConfirmed", notConfirmed);
        model.addAttribute(
                "creditLeft",
                wallet.storeCredit(customer).map(WalletBalance::balances).orElse(List.of()).stream()
                        .filter(balance -> balance.available().isPositive())
                        .toList());
    }
}
