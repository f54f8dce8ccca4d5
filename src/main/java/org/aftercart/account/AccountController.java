package org.aftercart.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.ContactPreferencesForm;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.customers.InvalidProfileDetails;
import org.aftercart.customers.ProfileDetails;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderSummaryPage;
import org.aftercart.platform.Languages;
import org.aftercart.wallet.GiftCardBalance;
import org.aftercart.wallet.Wallet;
import org.aftercart.wallet.WalletBalance;
import org.aftercart.wallet.WalletEntryView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in customer's account page: their orders of every channel, store credit and gift
 * cards with their history, and how they want to be contacted. Everything is read for the
 * customer of the session, never for an id the browser sends.
 */
@Controller
class AccountController {

    static final int ORDERS_PER_PAGE = 10;

    private final AccountPages pages;
    private final Customers customers;
    private final OrderManagement orders;
    private final Wallet wallet;
    private final AccountSettings settings;
    private final Catalog catalog;

    AccountController(
            AccountPages pages,
            Customers customers,
            OrderManagement orders,
            Wallet wallet,
            AccountSettings settings,
            Catalog catalog) {
        this.pages = pages;
        this.customers = customers;
        this.orders = orders;
        this.wallet = wallet;
        this.settings = settings;
        this.catalog = catalog;
    }

    @GetMapping("/account")
    String account(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String saved,
            Authentication signedIn,
            HttpServletRequest request,
            Model model) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        Optional<ContactPreferences> preferences = customers.contactPreferences(customer);
        if (preferences.isEmpty()) {
            return signedOutBecauseGone(request);
        }
        common(customer, preferences.get(), request, model);
        show(customer, Math.max(0, page), model);
        model.addAttribute("form", ContactPreferencesForm.of(preferences.get()));
        model.addAttribute("saved", "preferences".equals(saved) || "".equals(saved));
        model.addAttribute("profileSaved", "profile".equals(saved));
        return "account/home";
    }

    @PostMapping("/account/profile")
    String saveProfile(
            @RequestParam Map<String, String> fields,
            @RequestParam(name = "favouriteCategory", required = false) @Nullable List<String> favourites,
            Authentication signedIn,
            HttpServletRequest request,
            Model model) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        Optional<ContactPreferences> preferences = customers.contactPreferences(customer);
        if (preferences.isEmpty()) {
            return signedOutBecauseGone(request);
        }
        ProfileForm submitted = ProfileForm.from(fields, favourites == null ? List.of() : favourites);
        List<String> errors = submitted.errors(Set.copyOf(catalog.categories()));
        if (errors.isEmpty()) {
            try {
                customers.updateProfileDetails(customer, submitted.toDetails());
                return "redirect:/account?saved=profile#profile";
            } catch (InvalidProfileDetails impossibleDate) {
                errors = List.of("account.profile.error.date");
            }
        }
        common(customer, preferences.get(), request, model);
        show(customer, 0, model);
        model.addAttribute("form", ContactPreferencesForm.of(preferences.get()));
        model.addAttribute("profileForm", submitted);
        model.addAttribute("profileErrors", errors);
        return "account/home";
    }

    @PostMapping("/account/preferences")
    String savePreferences(
            @RequestParam Map<String, String> form, Authentication signedIn, HttpServletRequest request, Model model) {
        CustomerId customer = CustomerId.of(signedIn.getName());
        Optional<ContactPreferences> known = customers.contactPreferences(customer);
        if (known.isEmpty()) {
            return signedOutBecauseGone(request);
        }
        ContactPreferences current = known.get();
        ContactPreferencesForm submitted = ContactPreferencesForm.from(form);
        List<String> errors = submitted.problems().stream()
                .map(problem -> "account.preferences.error." + problem)
                .toList();
        if (!errors.isEmpty()) {
            common(customer, current, request, model);
            show(customer, 0, model);
            model.addAttribute("form", submitted);
            model.addAttribute("preferenceErrors", errors);
            model.addAttribute("saved", false);
            return "account/home";
        }
        customers.updateContactPreferences(customer, submitted.toPreferences(current, submitted.marketingConsent()));
        return "redirect:/account?saved=preferences#preferences";
    }

    private void common(CustomerId customer, ContactPreferences preferences, HttpServletRequest request, Model model) {
        pages.common(request, model);
        model.addAttribute("signedIn", true);
        model.addAttribute("fmt", format(preferences, request));
        model.addAttribute("profile", customers.find(customer).orElseThrow());
        model.addAttribute("kinds", ContactPreferencesForm.CHOOSABLE_KINDS);
        model.addAttribute("languageChoices", Languages.SUPPORTED);
        model.addAttribute(
                "profileForm", ProfileForm.of(customers.profileDetails(customer).orElse(ProfileDetails.none())));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("maxFavourites", Customers.MAX_FAVOURITE_CATEGORIES);
    }

    private void show(CustomerId customer, int page, Model model) {
        OrderSummaryPage orderPage = orders.ofCustomer(customer, page, ORDERS_PER_PAGE);
        model.addAttribute("orders", orderPage);
        List<WalletBalance.InCurrency> credit =
                wallet.storeCredit(customer).map(WalletBalance::balances).orElse(List.of());
        model.addAttribute("storeCredit", credit);
        List<WalletEntryView> history = wallet.history(customer);
        model.addAttribute("creditHistory", history.subList(0, Math.min(history.size(), 20)));
        CustomerProfile profile = customers.find(customer).orElseThrow();
        List<GiftCardBalance> cards = profile.email() == null ? List.of() : wallet.giftCardsSentTo(profile.email());
        Map<java.util.UUID, List<WalletEntryView>> cardHistory = new HashMap<>();
        for (GiftCardBalance card : cards) {
            cardHistory.put(card.id(), wallet.giftCardHistory(card.id(), profile.email()));
        }
        model.addAttribute("giftCards", cards);
        model.addAttribute("giftCardHistory", cardHistory);
    }

    /** A customer erased while signed in: the session ends, nothing is shown. */
    private static String signedOutBecauseGone(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/account/sign-in";
    }

    AccountFormat format(@Nullable ContactPreferences preferences, HttpServletRequest request) {
        ZoneId zone =
                preferences == null || preferences.timeZone() == null ? settings.timeZone() : preferences.timeZone();
        return new AccountFormat(pages.locale(request), zone);
    }
}
