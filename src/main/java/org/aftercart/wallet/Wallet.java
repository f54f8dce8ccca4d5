package org.aftercart.wallet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.shared.Money;
import org.aftercart.wallet.Ledger.EntryType;
import org.aftercart.wallet.Ledger.Posting;
import org.aftercart.wallet.Ledger.PriorTransaction;
import org.aftercart.wallet.Ledger.TransactionKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store credit and gift cards. Every call that moves money is one balanced ledger transaction
 * under the caller's idempotency key (the fact that causes it, e.g. {@code return:<id>:credit}):
 * the same key again answers with the first result and writes nothing, and a key reused for a
 * different request is refused. Calls join the caller's transaction when there is one.
 *
 * <p>Checkout redeems in two steps: {@link #authorise} sets an amount aside (it leaves the
 * available balance at once, under the source's row lock, so concurrent checkouts cannot spend it
 * twice), then {@link #capture} takes all or part of it or {@link #voidHold} gives it back. A hold
 * neither captured nor voided within {@code aftercart.wallet.hold-expiry} is given back by a job.
 */
@Service
public class Wallet {

    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_REASON_LENGTH = 500;

    private final Ledger ledger;
    private final Holds holds;
    private final GiftCards giftCards;
    private final Customers customers;
    private final WalletSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Wallet(
            Ledger ledger,
            Holds holds,
            GiftCards giftCards,
            Customers customers,
            WalletSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.ledger = ledger;
        this.holds = holds;
        this.giftCards = giftCards;
        this.customers = customers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Grants store credit: {@code amount} from the issued-credit account and {@code bonus} (may be
     * zero) from the bonus account, so that reports can tell them apart. Publishes {@link
     * StoreCreditGranted} once.
     *
     * @throws CustomerNotFound for an unknown customer
     * @throws InvalidWalletAmount for an amount that is not positive or a negative bonus
     * @throws WalletCurrencyMismatch when amount and bonus are in different currencies
     * @throws IdempotencyKeyReused when the key was used for another request
     */
    @Transactional
    public StoreCreditGrant grantStoreCredit(
            CustomerId customer, Money amount, Money bonus, String reason, String idempotencyKey) {
        return grant(customer, amount, bonus, reason, idempotencyKey, null);
    }

    /**
     * Grants store credit by a member of staff, recorded as theirs, within their daily limit: what
     * they granted in that currency since the limit's day start, counted from this ledger, plus this
     * grant may not exceed it. One person's grants in one currency are serialised, so two at once
     * cannot both slip under the limit. A replay of the same request answers as before, limit or not.
     *
     * @throws StaffGrantLimitReached when the grant would pass the daily limit (says what is left)
     * @throws CustomerNotFound, InvalidWalletAmount, WalletCurrencyMismatch, IdempotencyKeyReused as
     *     for {@link #grantStoreCredit}
     */
    @Transactional
    public StoreCreditGrant grantStoreCreditByStaff(
            CustomerId customer, Money amount, String reason, String idempotencyKey, StaffGrantLimit limit) {
        if (!limit.perDay().currency().equals(amount.currency())) {
            throw new WalletCurrencyMismatch(
                    limit.perDay().currency(), amount.currency().getCurrencyCode());
        }
        return grant(customer, amount, Money.zero(amount.currency()), reason, idempotencyKey, limit);
    }

    /** What this member of staff granted in this currency since then, bonus included. */
    @Transactional(readOnly = true)
    public Money grantedByStaffSince(String grantedBy, Currency currency, Instant since) {
        return new Money(ledger.grantedBy(grantedBy, currency, since), currency);
    }

    private StoreCreditGrant grant(
            CustomerId customer,
            Money amount,
            Money bonus,
            String reason,
            String idempotencyKey,
            @Nullable StaffGrantLimit limit) {
        requireKey(idempotencyKey);
        requireReason(reason);
        requirePositive(amount);
        if (!bonus.currency().equals(amount.currency())) {
            throw new WalletCurrencyMismatch(bonus.currency(), amount.currency().getCurrencyCode());
        }
        if (bonus.isNegative()) {
            throw new InvalidWalletAmount("The bonus must be zero or positive, got " + bonus + ".");
        }
        String fingerprint = "grant|" + customer + "|" + amount + "|" + bonus + "|" + reason;
        ledger.lockKey(idempotencyKey);
        Optional<PriorTransaction> prior = ledger.transactionByKey(idempotencyKey);
        if (prior.isPresent()) {
            requireSameRequest(prior.get(), fingerprint);
            return new StoreCreditGrant(
                    prior.get().id(), customer, amount, bonus, reason, holderBalanceAfter(prior.get()), true);
        }
        if (customers.find(customer).isEmpty()) {
            throw new CustomerNotFound(customer);
        }
        if (limit != null) {
            ledger.lockGranter(limit.grantedBy(), amount.currency());
            Money granted = new Money(
                    ledger.grantedBy(limit.grantedBy(), amount.currency(), limit.dayStart()), amount.currency());
            Money remaining = limit.perDay().minus(granted);
            if (remaining.isNegative()) {
                remaining = Money.zero(amount.currency());
            }
            if (amount.plus(bonus).compareTo(remaining) > 0) {
                throw new StaffGrantLimitReached(amount.plus(bonus), limit.perDay(), remaining);
            }
        }
        UUID account = ledger.openStoreCredit(customer, amount.currency());
        ledger.lockAccount(account);
        List<Posting> postings = new ArrayList<>(List.of(
                new Posting(
                        ledger.systemAccount(AccountKind.ISSUED_CREDIT, amount.currency()),
                        EntryType.COUNTERPART,
                        amount.amount().negate()),
                new Posting(account, EntryType.CREDIT, amount.amount())));
        if (bonus.isPositive()) {
            postings.add(new Posting(
                    ledger.systemAccount(AccountKind.BONUS_CREDIT, amount.currency()),
                    EntryType.COUNTERPART,
                    bonus.amount().negate()));
            postings.add(new Posting(account, EntryType.BONUS, bonus.amount()));
        }
        UUID transaction = ledger.post(
                TransactionKind.GRANT,
                idempotencyKey,
                fingerprint,
                reason,
                amount.currency(),
                expiry(settings.storeCredit()),
                null,
                limit == null ? null : limit.grantedBy(),
                postings);
        Money balanceAfter = ledger.account(account).balanceMoney();
        events.publishEvent(new StoreCreditGranted(
                customer, amount, bonus, reason, transaction, balanceAfter, idempotencyKey, clock.instant()));
        return new StoreCreditGrant(transaction, customer, amount, bonus, reason, balanceAfter, false);
    }

    /**
     * Issues a gift card with a new random code. The code is in the answer to this call only (the
     * wallet keeps its hash and last four characters); a replay of the key answers without it.
     * Publishes {@link GiftCardIssued}, with the code only when there is a recipient to send it to.
     */
    @Transactional
    public IssuedGiftCard issueGiftCard(
            Money amount, @Nullable String recipientEmail, String reason, String idempotencyKey) {
        requireKey(idempotencyKey);
        requireReason(reason);
        requirePositive(amount);
        // The ledger is append-only: it keeps the recipient's address only as a hash, so that erasing
        // their personal data leaves nothing to rewrite here (docs/adr/0021-personal-data.md).
        String fingerprint = "issue|" + amount + "|" + addressFingerprint(recipientEmail) + "|" + reason;
        ledger.lockKey(idempotencyKey);
        Optional<PriorTransaction> prior = ledger.transactionByKey(idempotencyKey);
        if (prior.isPresent()) {
            requireSameRequest(prior.get(), fingerprint);
            UUID account = holderEntries(prior.get()).getFirst().accountId();
            GiftCards.GiftCard card = giftCards.byAccount(account).orElseThrow();
            return new IssuedGiftCard(
                    card.id(),
                    null,
                    card.lastFour(),
                    amount,
                    card.recipientEmail(),
                    prior.get().expiresAt(),
                    prior.get().id(),
                    true);
        }
        String code = GiftCardCodes.generate();
        UUID cardId = UUID.randomUUID();
        UUID account = ledger.openGiftCard(amount.currency());
        String lastFour = GiftCardCodes.lastFour(code);
        giftCards.insert(cardId, account, GiftCardCodes.hash(code), lastFour, recipientEmail);
        Instant expiresAt = expiry(settings.giftCard());
        UUID transaction = ledger.post(
                TransactionKind.ISSUE,
                idempotencyKey,
                fingerprint,
                reason,
                amount.currency(),
                expiresAt,
                null,
                List.of(
                        new Posting(
                                ledger.systemAccount(AccountKind.ISSUED_GIFT_CARDS, amount.currency()),
                                EntryType.COUNTERPART,
                                amount.amount().negate()),
                        new Posting(account, EntryType.CREDIT, amount.amount())));
        events.publishEvent(new GiftCardIssued(
                cardId, amount, lastFour, recipientEmail, recipientEmail == null ? null : code, reason, transaction));
        return new IssuedGiftCard(cardId, code, lastFour, amount, recipientEmail, expiresAt, transaction, false);
    }

    /** The customer's store credit per currency; empty when the customer never had any. */
    @Transactional(readOnly = true)
    public Optional<WalletBalance> storeCredit(CustomerId customer) {
        List<Ledger.Account> accounts = ledger.storeCreditAccounts(customer);
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WalletBalance(
                customer,
                accounts.stream()
                        .map(account -> new WalletBalance.InCurrency(
                                account.balanceMoney(), new Money(ledger.held(account.id()), account.currency())))
                        .toList()));
    }

    /** What the customer's store credit in one currency allows checkout to take now (zero when none). */
    @Transactional(readOnly = true)
    public Money availableStoreCredit(CustomerId customer, Currency currency) {
        return ledger.storeCreditAccounts(customer).stream()
                .filter(account -> account.currency().equals(currency))
                .findFirst()
                .map(Ledger.Account::balanceMoney)
                .orElseGet(() -> Money.zero(currency));
    }

    /** Every line of the customer's store credit, all currencies, newest first, with running balances. */
    @Transactional(readOnly = true)
    public List<WalletEntryView> history(CustomerId customer) {
        return ledger.history(ledger.storeCreditAccounts(customer).stream()
                .map(Ledger.Account::id)
                .toList());
    }

    /** A gift card's balance by its code; empty when no card has that code. */
    @Transactional(readOnly = true)
    public Optional<GiftCardBalance> giftCard(String code) {
        return findGiftCard(code).map(card -> {
            Ledger.Account account = ledger.account(card.accountId());
            return new GiftCardBalance(
                    card.id(),
                    card.lastFour(),
                    account.balanceMoney(),
                    new Money(ledger.held(account.id()), account.currency()),
                    card.issuedAt(),
                    ledger.issueExpiry(card.accountId()).orElse(null));
        });
    }

    /**
     * The gift cards sent to this e-mail address (gift returns, a guest's store credit), newest
     * first, with their balances: what a customer signed in with that address sees as theirs.
     */
    @Transactional(readOnly = true)
    public List<GiftCardBalance> giftCardsSentTo(String email) {
        return giftCards.sentTo(email).stream()
                .map(card -> {
                    Ledger.Account account = ledger.account(card.accountId());
                    return new GiftCardBalance(
                            card.id(),
                            card.lastFour(),
                            account.balanceMoney(),
                            new Money(ledger.held(account.id()), account.currency()),
                            card.issuedAt(),
                            ledger.issueExpiry(card.accountId()).orElse(null));
                })
                .toList();
    }

    /**
     * Every line of one of the gift cards sent to this address, newest first, with running
     * balances; empty when the card was not sent to it.
     */
    @Transactional(readOnly = true)
    public List<WalletEntryView> giftCardHistory(UUID giftCardId, String recipientEmail) {
        return giftCards.sentTo(recipientEmail).stream()
                .filter(card -> card.id().equals(giftCardId))
                .findFirst()
                .map(card -> ledger.history(List.of(card.accountId())))
                .orElse(List.of());
    }

    /**
     * Sets {@code amount} aside from the source for a checkout. The hold is open until captured,
     * voided or {@code aftercart.wallet.hold-expiry} passes.
     *
     * @throws GiftCardNotFound when no gift card has the code
     * @throws InsufficientWalletBalance when the source has less available (the problem says how much)
     * @throws WalletCurrencyMismatch when the source is kept in another currency
     */
    @Transactional
    public WalletHold authorise(RedemptionSource source, Money amount, String idempotencyKey) {
        requireKey(idempotencyKey);
        requirePositive(amount);
        String fingerprint = "authorise|" + sourceFingerprint(source) + "|" + amount;
        ledger.lockKey(idempotencyKey);
        Optional<PriorTransaction> prior = ledger.transactionByKey(idempotencyKey);
        if (prior.isPresent()) {
            requireSameRequest(prior.get(), fingerprint);
            return holds.view(Objects.requireNonNull(prior.get().holdId()), true)
                    .orElseThrow();
        }
        UUID accountId = accountOf(source, amount);
        Ledger.Account account = ledger.lockAccount(accountId);
        if (account.balanceMoney().compareTo(amount) < 0) {
            throw new InsufficientWalletBalance(amount, account.balanceMoney());
        }
        UUID holdId = UUID.randomUUID();
        holds.insert(holdId, accountId, amount, clock.instant().plus(settings.holdExpiry()));
        ledger.post(
                TransactionKind.AUTHORISE,
                idempotencyKey,
                fingerprint,
                "Checkout hold",
                amount.currency(),
                null,
                holdId,
                List.of(
                        new Posting(accountId, EntryType.HOLD, amount.amount().negate()),
                        new Posting(
                                ledger.systemAccount(AccountKind.HELD, amount.currency()),
                                EntryType.COUNTERPART,
                                amount.amount())));
        return holds.view(holdId, false).orElseThrow();
    }

    /**
     * Takes {@code amount} (at most what the hold set aside) and gives the rest back to the source.
     * Publishes {@link WalletRedeemed} once.
     *
     * @throws HoldNotFound for an unknown hold
     * @throws HoldNotOpen when the hold expired or was already captured or voided
     * @throws CaptureExceedsHold when the amount is more than the hold
     */
    @Transactional
    public WalletHold capture(UUID holdId, Money amount, String idempotencyKey) {
        requireKey(idempotencyKey);
        requirePositive(amount);
        String fingerprint = "capture|" + holdId + "|" + amount;
        ledger.lockKey(idempotencyKey);
        Optional<PriorTransaction> prior = ledger.transactionByKey(idempotencyKey);
        if (prior.isPresent()) {
            requireSameRequest(prior.get(), fingerprint);
            return holds.view(holdId, true).orElseThrow();
        }
        Holds.Hold hold = openHold(holdId);
        if (!amount.currency().equals(hold.amount().currency())) {
            throw new WalletCurrencyMismatch(
                    amount.currency(), hold.amount().currency().getCurrencyCode());
        }
        if (amount.compareTo(hold.amount()) > 0) {
            throw new CaptureExceedsHold(amount, hold.amount());
        }
        Ledger.Account account = ledger.lockAccount(hold.accountId());
        // The whole hold goes back and the captured amount is taken from it, so the holder's
        // history shows the redemption itself, not only what was left over.
        UUID transaction = ledger.post(
                TransactionKind.CAPTURE,
                idempotencyKey,
                fingerprint,
                "Checkout payment",
                amount.currency(),
                null,
                holdId,
                List.of(
                        new Posting(
                                ledger.systemAccount(AccountKind.HELD, amount.currency()),
                                EntryType.COUNTERPART,
                                hold.amount().amount().negate()),
                        new Posting(
                                account.id(), EntryType.RELEASE, hold.amount().amount()),
                        new Posting(
                                account.id(),
                                EntryType.REDEMPTION,
                                amount.amount().negate()),
                        new Posting(
                                ledger.systemAccount(AccountKind.REDEEMED, amount.currency()),
                                EntryType.COUNTERPART,
                                amount.amount())));
        Instant capturedAt = clock.instant();
        holds.settle(holdId, WalletHold.Status.CAPTURED, amount.amount(), capturedAt);
        events.publishEvent(new WalletRedeemed(
                holdId,
                account.customer(),
                giftCards.byAccount(account.id()).map(GiftCards.GiftCard::id).orElse(null),
                amount,
                transaction,
                capturedAt));
        return holds.view(holdId, false).orElseThrow();
    }

    /**
     * Gives the whole hold back to its source ({@code void} is a Java keyword).
     *
     * @throws HoldNotFound for an unknown hold
     * @throws HoldNotOpen when the hold expired or was already captured or voided
     */
    @Transactional
    public WalletHold voidHold(UUID holdId, String idempotencyKey) {
        requireKey(idempotencyKey);
        String fingerprint = "void|" + holdId;
        ledger.lockKey(idempotencyKey);
        Optional<PriorTransaction> prior = ledger.transactionByKey(idempotencyKey);
        if (prior.isPresent()) {
            requireSameRequest(prior.get(), fingerprint);
            return holds.view(holdId, true).orElseThrow();
        }
        Holds.Hold hold = openHold(holdId);
        release(hold, TransactionKind.VOID, idempotencyKey, fingerprint, "Checkout hold voided");
        holds.settle(holdId, WalletHold.Status.VOIDED, null, clock.instant());
        return holds.view(holdId, false).orElseThrow();
    }

    /** One batch of the hold expiry job; the caller runs it in a transaction. */
    int releaseExpiredHolds(Instant now, int limit) {
        List<Holds.Hold> expired = holds.lockExpired(now, limit);
        for (Holds.Hold hold : expired) {
            String key = "hold:" + hold.id() + ":expired";
            release(hold, TransactionKind.HOLD_EXPIRY, key, key, "Checkout hold expired");
            holds.settle(hold.id(), WalletHold.Status.EXPIRED, null, now);
        }
        return expired.size();
    }

    /** One batch of the balance expiry job; the caller runs it in a transaction. */
    int expireBalances(Instant now, int limit) {
        List<UUID> accounts = ledger.lockAccountsWithExpiredBalance(now, limit);
        accounts.forEach(account -> expireBalance(account, now));
        return accounts.size();
    }

    /**
     * Books as expired whatever of the account's balance its unexpired grants no longer cover (see
     * {@link Ledger#unexpiredGrants}).
     */
    void expireBalance(UUID accountId, Instant now) {
        Ledger.Account account = ledger.lockAccount(accountId);
        BigDecimal balance = account.balance() == null ? BigDecimal.ZERO : account.balance();
        BigDecimal expired = balance.subtract(ledger.unexpiredGrants(accountId, now));
        if (expired.signum() <= 0) {
            return;
        }
        String key = "expiry:" + accountId + ":" + ledger.lastEntryOf(accountId);
        ledger.post(
                TransactionKind.EXPIRY,
                key,
                key,
                "Expired",
                account.currency(),
                null,
                null,
                List.of(
                        new Posting(accountId, EntryType.EXPIRY, expired.negate()),
                        new Posting(
                                ledger.systemAccount(AccountKind.EXPIRED, account.currency()),
                                EntryType.COUNTERPART,
                                expired)));
    }

    private void release(Holds.Hold hold, TransactionKind kind, String key, String fingerprint, String reason) {
        ledger.lockAccount(hold.accountId());
        ledger.post(
                kind,
                key,
                fingerprint,
                reason,
                hold.amount().currency(),
                null,
                hold.id(),
                List.of(
                        new Posting(
                                ledger.systemAccount(
                                        AccountKind.HELD, hold.amount().currency()),
                                EntryType.COUNTERPART,
                                hold.amount().amount().negate()),
                        new Posting(
                                hold.accountId(),
                                EntryType.RELEASE,
                                hold.amount().amount())));
    }

    private Holds.Hold openHold(UUID holdId) {
        Holds.Hold hold = holds.lock(holdId).orElseThrow(() -> new HoldNotFound(holdId));
        if (hold.status() == WalletHold.Status.EXPIRED
                || (hold.status() == WalletHold.Status.AUTHORISED
                        && !clock.instant().isBefore(hold.expiresAt()))) {
            throw HoldNotOpen.expired(holdId);
        }
        if (hold.status() != WalletHold.Status.AUTHORISED) {
            throw HoldNotOpen.settled(holdId, hold.status());
        }
        return hold;
    }

    private UUID accountOf(RedemptionSource source, Money amount) {
        return switch (source) {
            case RedemptionSource.GiftCard giftCard -> {
                GiftCards.GiftCard card = findGiftCard(giftCard.code()).orElseThrow(GiftCardNotFound::new);
                Ledger.Account account = ledger.account(card.accountId());
                if (!account.currency().equals(amount.currency())) {
                    throw new WalletCurrencyMismatch(
                            amount.currency(), account.currency().getCurrencyCode());
                }
                yield account.id();
            }
            case RedemptionSource.StoreCredit storeCredit -> {
                List<Ledger.Account> accounts = ledger.storeCreditAccounts(storeCredit.customer());
                yield accounts.stream()
                        .filter(account -> account.currency().equals(amount.currency()))
                        .findFirst()
                        .map(Ledger.Account::id)
                        .orElseThrow(() -> accounts.isEmpty()
                                ? new InsufficientWalletBalance(amount, Money.zero(amount.currency()))
                                : new WalletCurrencyMismatch(
                                        amount.currency(),
                                        String.join(
                                                ", ",
                                                accounts.stream()
                                                        .map(account -> account.currency()
                                                                .getCurrencyCode())
                                                        .toList())));
            }
        };
    }

    private Optional<GiftCards.GiftCard> findGiftCard(String code) {
        return GiftCardCodes.wellFormed(code) ? giftCards.byCodeHash(GiftCardCodes.hash(code)) : Optional.empty();
    }

    private static String sourceFingerprint(RedemptionSource source) {
        return switch (source) {
            case RedemptionSource.GiftCard giftCard -> "gift-card:" + GiftCardCodes.hash(giftCard.code());
            case RedemptionSource.StoreCredit storeCredit -> "store-credit:" + storeCredit.customer();
        };
    }

    private List<Ledger.Entry> holderEntries(PriorTransaction transaction) {
        return ledger.entriesOf(transaction.id()).stream()
                .filter(entry -> entry.balanceAfter() != null)
                .toList();
    }

    private Money holderBalanceAfter(PriorTransaction transaction) {
        Ledger.Entry last = holderEntries(transaction).getLast();
        return new Money(last.balanceAfter(), last.amount().currency());
    }

    private @Nullable Instant expiry(WalletSettings.Expiry expiry) {
        Duration after = expiry.expiresAfter();
        return after == null ? null : clock.instant().plus(after);
    }

    /** SHA-256 in hex of the address, as the wallet's V2 migration computes it for older rows. */
    static String addressFingerprint(@Nullable String address) {
        if (address == null) {
            return "null";
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void requireSameRequest(PriorTransaction prior, String fingerprint) {
        if (!prior.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidWalletRequest("The idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
    }

    private static void requireReason(String reason) {
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidWalletRequest("The reason must be 1 to " + MAX_REASON_LENGTH + " characters.");
        }
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new InvalidWalletAmount("The amount must be more than zero, got " + amount + ".");
        }
    }
}
