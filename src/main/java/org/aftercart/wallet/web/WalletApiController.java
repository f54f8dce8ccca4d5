package org.aftercart.wallet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.wallet.GiftCardBalance;
import org.aftercart.wallet.GiftCardNotFound;
import org.aftercart.wallet.InvalidWalletRequest;
import org.aftercart.wallet.IssuedGiftCard;
import org.aftercart.wallet.RedemptionSource;
import org.aftercart.wallet.StoreCreditGrant;
import org.aftercart.wallet.Wallet;
import org.aftercart.wallet.WalletBalance;
import org.aftercart.wallet.WalletEntryView;
import org.aftercart.wallet.WalletHold;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Wallet", description = "Store credit and gift cards: balances, history, issue, and redemption by holds")
@RestController
class WalletApiController {

    private static final String KEY_HELP = "Unique per operation, e.g. a UUID or the fact that causes it;"
            + " repeating it with the same body answers with the first result and changes nothing";

    /** A customer's store credit: one balance per currency and every line, newest first. */
    record CustomerWallet(
            CustomerId customerId, List<WalletBalance.InCurrency> balances, List<WalletEntryView> history) {}

    private final Wallet wallet;
    private final Customers customers;
    private final GiftCardLookupLimits limits;

    WalletApiController(Wallet wallet, Customers customers, GiftCardLookupLimits limits) {
        this.wallet = wallet;
        this.customers = customers;
        this.limits = limits;
    }

    @Operation(summary = "A customer's store credit balances and history")
    @GetMapping("/api/v1/customers/{id}/wallet")
    CustomerWallet customerWallet(@PathVariable UUID id) {
        CustomerId customer = new CustomerId(id);
        if (customers.find(customer).isEmpty()) {
            throw new CustomerNotFound(customer);
        }
        return new CustomerWallet(
                customer,
                wallet.storeCredit(customer).map(WalletBalance::balances).orElse(List.of()),
                wallet.history(customer));
    }

    @Operation(
            summary = "Grant store credit to a customer (goodwill, manual credit)",
            description = "The bonus, if any, is booked apart from the credit itself.")
    @PostMapping("/api/v1/customers/{id}/wallet/credits")
    ResponseEntity<StoreCreditGrant> grant(
            @PathVariable UUID id,
            @Parameter(description = KEY_HELP) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable
                    String idempotencyKey,
            @Valid @RequestBody WalletRequests.GrantCredit request) {
        StoreCreditGrant grant = wallet.grantStoreCredit(
                new CustomerId(id), request.money(), request.bonusMoney(), request.reason(), required(idempotencyKey));
        return answer(grant.replayed(), URI.create("/api/v1/customers/" + id + "/wallet"), grant);
    }

    @Operation(
            summary = "Issue a gift card",
            description = "The answer holds the full code; it is shown this once (only a hash is kept). A replay"
                    + " of the Idempotency-Key answers without it.")
    @PostMapping("/api/v1/wallet/gift-cards")
    ResponseEntity<IssuedGiftCard> issue(
            @Parameter(description = KEY_HELP) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable
                    String idempotencyKey,
            @Valid @RequestBody WalletRequests.IssueGiftCard request) {
        IssuedGiftCard card = wallet.issueGiftCard(
                request.money(), request.recipientEmail(), request.reason(), required(idempotencyKey));
        return answer(card.replayed(), URI.create("/api/v1/wallet/gift-cards"), card);
    }

    @Operation(
            summary = "Check a gift card's balance",
            description = "Wrong codes are counted per API key and client address; too many answer 429.")
    @GetMapping("/api/v1/wallet/gift-cards/{code}")
    GiftCardBalance giftCard(@PathVariable String code, Principal principal, HttpServletRequest http) {
        return limited(principal, http, () -> wallet.giftCard(code).orElseThrow(GiftCardNotFound::new));
    }

    @Operation(
            summary = "Authorise: set an amount aside from store credit or a gift card",
            description = "The hold is captured or voided by the checkout, or given back when it expires.")
    @PostMapping("/api/v1/wallet/holds")
    ResponseEntity<WalletHold> authorise(
            @Parameter(description = KEY_HELP) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable
                    String idempotencyKey,
            @Valid @RequestBody WalletRequests.Authorise request,
            Principal principal,
            HttpServletRequest http) {
        String key = required(idempotencyKey);
        RedemptionSource source = request.source();
        WalletHold hold = source instanceof RedemptionSource.GiftCard
                ? limited(principal, http, () -> wallet.authorise(source, request.money(), key))
                : wallet.authorise(source, request.money(), key);
        return answer(hold.replayed(), URI.create("/api/v1/wallet/holds/" + hold.id()), hold);
    }

    @Operation(summary = "Capture all or part of a hold; the rest goes back to the source")
    @PostMapping("/api/v1/wallet/holds/{id}/capture")
    ResponseEntity<WalletHold> capture(
            @PathVariable UUID id,
            @Parameter(description = KEY_HELP) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable
                    String idempotencyKey,
            @Valid @RequestBody WalletRequests.Capture request) {
        return replayable(wallet.capture(id, request.money(), required(idempotencyKey)));
    }

    @Operation(summary = "Void a hold: its whole amount goes back to the source")
    @PostMapping("/api/v1/wallet/holds/{id}/void")
    ResponseEntity<WalletHold> voidHold(
            @PathVariable UUID id,
            @Parameter(description = KEY_HELP) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable
                    String idempotencyKey) {
        return replayable(wallet.voidHold(id, required(idempotencyKey)));
    }

    private <T> T limited(Principal principal, HttpServletRequest http, Supplier<T> lookup) {
        limits.requireAllowance(principal.getName(), http.getRemoteAddr());
        try {
            return lookup.get();
        } catch (GiftCardNotFound wrongCode) {
            limits.recordFailure(principal.getName(), http.getRemoteAddr());
            throw wrongCode;
        }
    }

    private static String required(@Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            throw new InvalidWalletRequest("Send an Idempotency-Key header (e.g. a UUID) with every wallet change.");
        }
        return idempotencyKey;
    }

    private static <T> ResponseEntity<T> answer(boolean replayed, URI location, T body) {
        return replayed
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body)
                : ResponseEntity.created(location).body(body);
    }

    private static ResponseEntity<WalletHold> replayable(WalletHold hold) {
        return hold.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(hold)
                : ResponseEntity.ok(hold);
    }
}
