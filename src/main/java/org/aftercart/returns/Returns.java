package org.aftercart.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.payments.HoldOutcome;
import org.aftercart.payments.Payments;
import org.aftercart.payments.RefundOutcome;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ReturnParcels;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The returns module's application service: every step of a return, for the portal, the store
 * counter, agents and the REST API.
 *
 * <p>Each step runs in one transaction with the return's row locked: the return, its timeline, the
 * order's buckets, stock and the published events commit together or not at all. Calls to the
 * payment provider (refunds, holds) happen after that commit, from the durable state the step left
 * (e.g. {@link ReturnStatus#REFUND_PENDING} with its idempotency key), so a crash in between is
 * finished later by {@link ReturnSweeper} without moving money twice. Call its commands outside any
 * transaction of your own: they open theirs, and the payment calls must follow their commits.
 */
@Service
public class Returns {

    /** A step that loses an optimistic-lock race with the order (e.g. a delivery) is tried again. */
    private static final int ATTEMPTS = 3;

    /** What an idempotent request did. */
    public record Intake(ReturnView request, boolean created) {}

    private final ReturnRequests requests;
    private final ReturnReasons reasons;
    private final ReturnEligibility eligibility;
    private final ReturnPhotos photos;
    private final ReturnSearch search;
    private final ReturnWaitingList waiting;
    private final ReturnSettings settings;
    private final ReturnPolicySettings policies;
    private final OrderManagement orders;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Payments payments;
    private final ReturnParcels returnParcels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Returns(
            ReturnRequests requests,
            ReturnReasons reasons,
            ReturnEligibility eligibility,
            ReturnPhotos photos,
            ReturnSearch search,
            ReturnWaitingList waiting,
            ReturnSettings settings,
            ReturnPolicySettings policies,
            OrderManagement orders,
            Catalog catalog,
            Inventory inventory,
            Payments payments,
            ReturnParcels returnParcels,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.requests = requests;
        this.reasons = reasons;
        this.eligibility = eligibility;
        this.photos = photos;
        this.search = search;
        this.waiting = waiting;
        this.settings = settings;
        this.policies = policies;
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.payments = payments;
        this.returnParcels = returnParcels;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    /** Approved or in transit, and untouched for {@code untouchedFor}: oldest first. */
    public List<ReturnSummary> waitingForReceipt(Duration untouchedFor, int page, int size) {
        int limit = Math.clamp(size, 1, ReturnSearch.MAX_PAGE_SIZE);
        return waiting.waiting(false, clock.instant().minus(untouchedFor), Math.max(page, 0) * limit, limit);
    }

    public long countWaitingForReceipt(Duration untouchedFor) {
        return waiting.countWaiting(false, clock.instant().minus(untouchedFor));
    }

    /** REFUND_PENDING or MANUAL_REFUND_REQUIRED, whatever their age: oldest first. */
    public List<ReturnSummary> waitingForRefund(int page, int size) {
        int limit = Math.clamp(size, 1, ReturnSearch.MAX_PAGE_SIZE);
        return waiting.waiting(true, clock.instant(), Math.max(page, 0) * limit, limit);
    }

    public long countWaitingForRefund() {
        return waiting.countWaiting(true, clock.instant());
    }

    /** Returns requested in [from, to): how many, the top reasons by units, the outcome mix. */
    public ReturnFigures figures(Instant from, Instant to, int topReasons) {
        return waiting.figures(from, to, Math.clamp(topReasons, 1, 50));
    }

    /** The merchant's active reasons, parents before their children. */
    public List<ReturnReason> reasons() {
        return reasons.all();
    }

    /** What of the order can be returned now, line by line, with the rules that refuse the rest. */
    public Eligibility eligibility(OrderId orderId) {
        return eligibility.evaluate(orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId.toString())));
    }

    /** The extra store credit, in percent of the credit, a customer gets for choosing store credit. */
    public BigDecimal storeCreditBonusPercent() {
        return policies.current().storeCreditBonusPercent();
    }

    public Optional<ReturnView> find(ReturnId id) {
        return requests.find(id.id()).map(this::view);
    }

    public List<ReturnView> ofOrder(OrderId orderId) {
        return requests.ofOrder(orderId.id()).stream().map(this::view).toList();
    }

    public List<ReturnView> ofCustomer(CustomerId customerId) {
        return requests.ofCustomer(customerId.id()).stream().map(this::view).toList();
    }

    /**
     * A page of returns, newest first, for staff lists. A non-blank query keeps the returns whose
     * number or order number starts with it, ignoring case.
     *
     * @param statuses the statuses to keep; every status when empty
     * @param page zero-based
     * @param size at most 100 returns a page
     */
    public ReturnSummaryPage search(Set<ReturnStatus> statuses, String query, int page, int size) {
        return search.search(statuses, query, page, size);
    }

    /** The return with this number (e.g. {@code R-AC-100001-1}), ignoring case. */
    public Optional<ReturnView> findByNumber(String number) {
        return search.idOfNumber(number).flatMap(id -> find(new ReturnId(id)));
    }

    /** The ids of the photos of each item of a return, oldest first. */
    public Map<UUID, List<UUID>> photoIds(ReturnId id) {
        return photos.idsByItem(id.id());
    }

    /** One photo of a return; empty when the return has no photo with this id. */
    public Optional<ReturnPhoto> photo(ReturnId id, UUID photoId) {
        return photos.find(photoId, id.id());
    }

    // ---------------------------------------------------------------- request

    /**
     * Asks to return items. Everything is checked before anything is written: the order and its
     * lines, the reasons (and the comment or photo they require), the policy rules, the quantities
     * still returnable, the outcomes allowed, and any amount the client shows (the server computes
     * it). A store or agent request is approved at once; others by the auto-approve rule, or they
     * wait for a person.
     */
    public ReturnView request(RequestReturn command) {
        UUID id = inTransaction(() -> create(command).id);
        return afterApproval(id);
    }

    /**
     * {@link #request} keyed by the client's Idempotency-Key: the same key and request give the
     * first return back; the same key with another request is refused.
     */
    public Intake request(RequestReturn command, String idempotencyKey, String requestHash) {
        Optional<ReturnId> known = requests.findByIdempotencyKey(idempotencyKey, requestHash);
        if (known.isPresent()) {
            return new Intake(find(known.get()).orElseThrow(), false);
        }
        UUID id;
        try {
            id = inTransaction(() -> {
                ReturnRequest created = create(command);
                requests.rememberIdempotencyKey(idempotencyKey, requestHash, created.id());
                return created.id;
            });
        } catch (DuplicateKeyException lostTheRace) {
            ReturnId winner =
                    requests.findByIdempotencyKey(idempotencyKey, requestHash).orElseThrow(() -> lostTheRace);
            return new Intake(find(winner).orElseThrow(), false);
        }
        return new Intake(afterApproval(id), true);
    }

    private ReturnRequest create(RequestReturn command) {
        requests.lockOrder(command.orderId());
        OrderView order = orders.find(command.orderId())
                .orElseThrow(
                        () -> new ReturnRefused("unknown-order", "No order has the id " + command.orderId() + "."));
        validateShape(command);
        // One reading of the policy decides the whole request, and stays with it.
        ReturnPolicyRules rules = policies.current();
        Eligibility eligible = eligibility.evaluate(order, rules);
        Map<String, ReturnReason> knownReasons = reasons.byCode();
        Instant now = clock.instant();
        UUID returnId = UUID.randomUUID();
        List<ReturnItem> items = new ArrayList<>();
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        for (RequestReturn.Item requested : command.items()) {
            Eligibility.Line line = eligible.line(requested.orderLineId())
                    .orElseThrow(() -> new ReturnRefused(
                            "unknown-line", "Order " + order.number() + " has no line " + requested.orderLineId()));
            ReturnReason reason = knownReasons.get(requested.reasonCode());
            if (reason == null) {
                throw new ReturnRefused(
                        "unknown-reason",
                        "Unknown return reason '" + requested.reasonCode() + "'; see GET /api/v1/return-reasons");
            }
            if (!line.refusals().isEmpty()) {
                throw ReturnRefused.byPolicy(line.refusals());
            }
            if (requested.quantity() < 1 || requested.quantity() > line.returnableQuantity()) {
                throw new ReturnRefused(
                        "returnable-quantity",
                        line.sku() + " has " + line.returnableQuantity() + " unit(s) left to return, not "
                                + requested.quantity());
            }
            if (reason.requiresComment()
                    && (requested.comment() == null || requested.comment().isBlank())) {
                throw new ReturnRefused(
                        "comment-required", "The reason '" + reason.code() + "' needs a comment for " + line.sku());
            }
            if (reason.requiresPhoto() && requested.photoIds().isEmpty()) {
                throw new ReturnRefused(
                        "photo-required",
                        "The reason '" + reason.code() + "' needs a photo of " + line.sku()
                                + "; upload it first (POST /api/v1/return-photos) and send its id");
            }
            if (requested.unitRefund() != null
                    && requested.unitRefund().compareTo(line.refundPerUnit().amount()) != 0) {
                throw new ReturnRefused(
                        "amount-mismatch",
                        "The refund per unit of " + line.sku() + " is " + line.refundPerUnit()
                                + " (what was paid), not "
                                + requested.unitRefund().toPlainString());
            }
            checkOutcome(command, requested, line, order);
            items.add(new ReturnItem(
                    UUID.randomUUID(),
                    items.size() + 1,
                    line.orderLineId(),
                    line.sku(),
                    line.title(),
                    requested.quantity(),
                    reason.code(),
                    blankToNull(requested.comment()),
                    requested.outcome(),
                    requested.outcome(),
                    null,
                    exchanges(requested.outcome()) ? requested.exchangeSku() : null,
                    line.refundPerUnit(),
                    null,
                    null,
                    null,
                    null));
            quantities.merge(line.orderLineId(), requested.quantity(), Integer::sum);
        }
        if (command.exchangeDelivery() == ExchangeDelivery.FROM_STORE_SHELF) {
            refuseDearerReplacementAtTheCounter(items, order);
        }
        ReturnRequest request = new ReturnRequest(
                returnId,
                requests.nextNumber(order.id(), order.number()),
                order.id(),
                order.number(),
                order.customerId() == null ? null : UUID.fromString(order.customerId()),
                order.email(),
                order.total().currency(),
                command.channel(),
                command.method(),
                blankToNull(command.locationCode()),
                command.gift(),
                command.gift() ? command.giftRecipientEmail() : null,
                command.exchangeDelivery(),
                ReturnStatus.REQUESTED,
                now,
                items,
                0,
                0);
        request.decidedUnder = rules;
        request.newSteps.add(new ReturnView.Step(
                ++request.lastStep, null, ReturnStatus.REQUESTED, command.actor(), now, "Via " + command.channel()));
        requests.insert(request);
        for (int i = 0; i < command.items().size(); i++) {
            photos.attach(command.items().get(i).photoIds(), request.id, items.get(i).id);
        }
        orders.recordReturnRequested(
                order.id(), quantities, "Return " + request.number + " requested", command.actor());
        events.publishEvent(new ReturnRequested(view(request), command.actor(), now));
        String waitsBecause = approvalWaitsBecause(request, knownReasons);
        if (waitsBecause == null) {
            String actor = command.channel() == ReturnChannel.STORE || command.channel() == ReturnChannel.AGENT
                    ? command.actor()
                    : "policy:auto-approve";
            approveNow(request, actor, null);
        } else {
            request.note("policy:auto-approve", now, "Waiting for a person to approve: " + waitsBecause);
            requests.save(request);
        }
        return request;
    }

    private void validateShape(RequestReturn command) {
        if (command.items().isEmpty()) {
            throw new ReturnRefused("no-items", "A return needs at least one item");
        }
        Set<UUID> lines = new HashSet<>();
        for (RequestReturn.Item item : command.items()) {
            if (!lines.add(item.orderLineId())) {
                throw new ReturnRefused(
                        "duplicate-line", "Order line " + item.orderLineId() + " appears twice; send it once");
            }
        }
        if (command.method() == ReturnMethod.IN_STORE) {
            String location = blankToNull(command.locationCode());
            if (location == null) {
                throw new ReturnRefused("location-required", "An in-store return needs the store's location code");
            }
            requireLocation(location);
        }
        if (command.exchangeDelivery() == ExchangeDelivery.FROM_STORE_SHELF
                && command.method() != ReturnMethod.IN_STORE) {
            throw new ReturnRefused(
                    "store-shelf-in-store-only",
                    "Only an in-store return takes its replacement from the store's shelf; this one is "
                            + command.method());
        }
        if (command.gift()
                && (command.giftRecipientEmail() == null
                        || !command.giftRecipientEmail().contains("@"))) {
            throw new ReturnRefused(
                    "gift-recipient-required", "A gift return needs the recipient's e-mail address for the credit");
        }
    }

    private void checkOutcome(
            RequestReturn command, RequestReturn.Item requested, Eligibility.Line line, OrderView order) {
        if (!line.allowedOutcomes().contains(requested.outcome())) {
            throw new ReturnRefused(
                    "outcome-not-allowed",
                    requested.outcome() + " is not offered for " + line.sku() + "; offered: " + line.allowedOutcomes());
        }
        if (command.gift() && requested.outcome() != ReturnOutcome.STORE_CREDIT) {
            throw new ReturnRefused(
                    "gift-outcome",
                    "A gift return is credited to the recipient: choose STORE_CREDIT, not " + requested.outcome());
        }
        if (exchanges(requested.outcome())) {
            if (requested.exchangeSku() == null || requested.exchangeSku().isBlank()) {
                throw new ReturnRefused(
                        "exchange-sku-required", "An exchange of " + line.sku() + " needs the SKU wanted instead");
            }
            ProductVariant wanted = catalog.findBySku(requested.exchangeSku())
                    .filter(ProductVariant::active)
                    .orElseThrow(() -> new ReturnRefused(
                            "unknown-exchange-sku", "Unknown SKU '" + requested.exchangeSku() + "' to exchange for"));
            if (!wanted.price().currency().equals(order.total().currency())) {
                throw new ReturnRefused(
                        "exchange-currency",
                        wanted.sku() + " is priced in " + wanted.price().currency() + ", the order in "
                                + order.total().currency());
            }
            if (requested.outcome() == ReturnOutcome.EXCHANGE
                            && command.items().stream().anyMatch(i -> i.outcome() == ReturnOutcome.INSTANT_EXCHANGE)
                    || requested.outcome() == ReturnOutcome.INSTANT_EXCHANGE
                            && command.items().stream().anyMatch(i -> i.outcome() == ReturnOutcome.EXCHANGE)) {
                throw new ReturnRefused(
                        "mixed-exchanges",
                        "One return has one replacement order: ask for instant and later exchanges in separate returns");
            }
            if (requested.outcome() == ReturnOutcome.INSTANT_EXCHANGE && command.method() == ReturnMethod.IN_STORE) {
                throw new ReturnRefused(
                        "instant-exchange-in-store",
                        "An in-store return is exchanged on the spot: choose EXCHANGE, not INSTANT_EXCHANGE");
            }
        }
    }

    /** Why a person must approve this request; {@code null} when it is approved at once. */
    private @Nullable String approvalWaitsBecause(ReturnRequest request, Map<String, ReturnReason> knownReasons) {
        if (request.channel == ReturnChannel.STORE || request.channel == ReturnChannel.AGENT) {
            return null; // a person asks on the customer's behalf and decides on the spot
        }
        ReturnPolicyRules rules = rulesOf(request);
        if (!rules.autoApprove()) {
            return "returns are approved by a person";
        }
        for (ReturnItem item : request.items) {
            if (knownReasons.get(item.reasonCode).requiresInspection()) {
                return "the reason '" + item.reasonCode + "' needs inspection";
            }
        }
        BigDecimal upTo = rules.autoApproveUpTo();
        if (upTo != null && request.value().amount().compareTo(upTo) > 0) {
            return "it is worth " + request.value() + ", more than " + upTo.toPlainString();
        }
        return null;
    }

    /** The rules the request was decided under; the policy in force for one made before they were kept. */
    private ReturnPolicyRules rulesOf(ReturnRequest request) {
        return request.decidedUnder != null ? request.decidedUnder : policies.current();
    }

    // ---------------------------------------------------------------- approve / reject / cancel

    /** A person approves a request that waited for them. */
    public ReturnView approve(ReturnId id, String actor, @Nullable String note) {
        inTransaction(() -> {
            ReturnRequest request = lock(id);
            approveNow(request, actor, note);
            return request;
        });
        return afterApproval(id.id());
    }

    private void approveNow(ReturnRequest request, String actor, @Nullable String note) {
        Instant now = clock.instant();
        request.moveTo(ReturnStatus.APPROVED, "approved", actor, now, note);
        BigDecimal returnShippingCost = rulesOf(request).returnShippingCost();
        if (request.method != ReturnMethod.IN_STORE
                && returnShippingCost != null
                && request.items.stream().noneMatch(ReturnItem::exchanges)
                && returnShippingCost.compareTo(request.value().amount()) > 0) {
            request.returnless = true;
            request.note(
                    "policy:keep-it",
                    now,
                    "Keep the items: returning them costs more than they are worth (" + request.value() + ")");
        }
        reserveExchanges(request, now);
        if (request.has(ReturnOutcome.INSTANT_EXCHANGE)) {
            request.holdKey = "return:" + request.id + ":hold";
            request.holdDeadline = now.plus(settings.instantExchangeDeadline());
        }
        requests.save(request);
        events.publishEvent(new ReturnApproved(view(request), actor, now));
    }

    /** Reserves the items wanted in exchange; an item out of stock falls back to the configured outcome. */
    private void reserveExchanges(ReturnRequest request, Instant now) {
        for (ReturnItem item : request.items) {
            if (!item.exchanges()) {
                continue;
            }
            if (request.exchangesFromStoreShelf()) {
                reserveOnStoreShelf(request, item);
                request.exchangeReservedUntil = now.plus(settings.exchangeReservationHold());
                continue;
            }
            if (inventory
                    .reserveInStock(item.id, item.id, item.exchangeSku, item.quantity)
                    .isEmpty()) {
                item.fallBackTo(
                        rulesOf(request).exchangeOutOfStock(),
                        item.exchangeSku + " is out of stock: you get "
                                + (rulesOf(request).exchangeOutOfStock() == ReturnOutcome.REFUND
                                        ? "a refund"
                                        : "store credit")
                                + " instead");
                request.note("inventory", now, item.outcomeNote);
            } else {
                request.exchangeReservedUntil = now.plus(settings.exchangeReservationHold());
            }
        }
    }

    /**
     * Reserves an exchange's replacement on the shelf of the store the return is brought to, or
     * refuses the whole request (nothing is written): the customer is at the counter and chooses
     * what to do instead (another size on the shelf, a refund or credit, or shipping from elsewhere)
     * rather than leaving with an outcome they did not pick. The problem names the SKU and the store.
     */
    private void reserveOnStoreShelf(ReturnRequest request, ReturnItem item) {
        String store = java.util.Objects.requireNonNull(request.locationCode);
        if (inventory
                .reserveAt(item.id, item.id, store, item.exchangeSku, item.quantity)
                .isEmpty()) {
            int onShelf = inventory.available(store, List.of(item.exchangeSku)).get(item.exchangeSku);
            ReturnRefused refused = new ReturnRefused(
                    "exchange-not-on-shelf",
                    store + " has " + onShelf + " × " + item.exchangeSku + " on its shelf, not " + item.quantity
                            + ": choose another item the store has, another outcome, or ship the replacement"
                            + " from another location");
            refused.getBody().setProperty("sku", item.exchangeSku);
            refused.getBody().setProperty("locationCode", store);
            throw refused;
        }
    }

    /**
     * At the counter the replacement leaves at once and Aftercart does not run the till, so nothing
     * may stay due on it: a replacement dearer than the items given back is refused, the difference
     * named (the same rule as a shipped exchange would leave that difference due on the new order).
     */
    private void refuseDearerReplacementAtTheCounter(List<ReturnItem> items, OrderView order) {
        List<ReturnItem> exchanged =
                items.stream().filter(ReturnItem::exchanges).toList();
        if (exchanged.isEmpty()) {
            return;
        }
        Map<String, ProductVariant> variants = catalog.findBySkus(
                exchanged.stream().map(item -> item.exchangeSku).toList());
        Money price = Money.zero(order.total().currency());
        Money value = Money.zero(order.total().currency());
        for (ReturnItem item : exchanged) {
            price = price.plus(variants.get(item.exchangeSku).price().times(item.quantity));
            value = value.plus(item.unitRefund.times(item.quantity));
        }
        if (price.compareTo(value) > 0) {
            ReturnRefused refused = new ReturnRefused(
                    "exchange-costs-more",
                    "The replacement costs " + price + ", " + price.minus(value)
                            + " more than the items given back (" + value
                            + "): choose an item of at most that price, or sell it at the till");
            refused.getBody().setProperty("difference", price.minus(value));
            throw refused;
        }
    }

    /**
     * What follows an approval outside its transaction: the payment hold and replacement order of an
     * instant exchange, and the resolution of a returnless return.
     */
    private ReturnView afterApproval(UUID id) {
        ReturnRequest request = requests.find(id).orElseThrow();
        if (request.status == ReturnStatus.APPROVED
                && request.holdKey != null
                && request.holdState == null
                && request.exchangeOrderId == null) {
            shipInstantExchange(request);
        }
        request = requests.find(id).orElseThrow();
        if (request.status == ReturnStatus.APPROVED && request.returnless) {
            return resolve(request.id(), "policy:keep-it");
        }
        return view(request);
    }

    private void shipInstantExchange(ReturnRequest approved) {
        Money held = approved.items.stream()
                .filter(item -> item.outcome == ReturnOutcome.INSTANT_EXCHANGE)
                .map(ReturnItem::value)
                .reduce(Money.zero(approved.currency), Money::plus);
        HoldOutcome hold = payments.hold(approved.orderId, approved.orderNumber, held, approved.holdKey);
        inTransaction(() -> {
            ReturnRequest request = lock(approved.id());
            if (request.holdState != null || request.status != ReturnStatus.APPROVED) {
                return request;
            }
            Instant now = clock.instant();
            if (hold.succeeded()) {
                request.holdState = ReturnRequest.HoldState.HELD;
                List<ReturnItem> instant = request.items.stream()
                        .filter(item -> item.outcome == ReturnOutcome.INSTANT_EXCHANGE)
                        .toList();
                OrderView replacement = placeReplacement(request, instant, item -> item.quantity);
                request.note(
                        "payments",
                        now,
                        hold.amount() + " held on the payment until the return arrives (by " + request.holdDeadline
                                + "); replacement order " + replacement.number() + " placed");
            } else {
                request.holdKey = null;
                request.holdDeadline = null;
                for (ReturnItem item : request.items) {
                    if (item.outcome == ReturnOutcome.INSTANT_EXCHANGE) {
                        item.fallBackTo(
                                ReturnOutcome.EXCHANGE,
                                "The payment hold failed (" + hold.failureReason()
                                        + "): the exchange ships once the return arrives");
                    }
                }
                request.note("payments", now, "Payment hold failed: " + hold.failureReason());
            }
            requests.save(request);
            return request;
        });
    }

    /** A person refuses a request that waited for approval. */
    public ReturnView reject(ReturnId id, String actor, String reason) {
        requireText(reason, "A rejection needs a reason");
        return inTransaction(() -> {
            ReturnRequest request = lock(id);
            Instant now = clock.instant();
            request.moveTo(ReturnStatus.REJECTED, "rejected", actor, now, reason);
            orders.releaseReturnRequest(
                    request.orderId, asked(request), "Return " + request.number + " rejected: " + reason, actor);
            requests.save(request);
            ReturnView view = view(request);
            events.publishEvent(new ReturnRejected(view, actor, reason, now));
            return view;
        });
    }

    /**
     * Withdraws a return before its items arrive: the units are no longer asked back and exchange
     * stock is released. Refused once an instant exchange's replacement is out (the hold then decides).
     */
    public ReturnView cancel(ReturnId id, String actor, String reason) {
        requireText(reason, "A cancellation needs a reason");
        return inTransaction(() -> {
            ReturnRequest request = lock(id);
            if (request.holdState == ReturnRequest.HoldState.HELD) {
                throw new ReturnStepNotAllowed(
                        request.number,
                        request.status,
                        "cancelled: the replacement order " + request.exchangeOrderNumber
                                + " of its instant exchange is out; receive the items or let the hold be taken");
            }
            Instant now = clock.instant();
            request.moveTo(ReturnStatus.CANCELLED, "cancelled", actor, now, reason);
            releaseExchangeStock(request);
            orders.releaseReturnRequest(
                    request.orderId, asked(request), "Return " + request.number + " cancelled: " + reason, actor);
            requests.save(request);
            ReturnView view = view(request);
            events.publishEvent(new ReturnCancelled(view, actor, reason, now));
            return view;
        });
    }

    // ---------------------------------------------------------------- transit

    /**
     * Registers the return parcel with tracking (e.g. once its prepaid label exists) without moving
     * the return: it moves to in transit when the carrier reports the parcel moving.
     */
    public ReturnView attachParcel(ReturnId id, String carrier, String trackingNumber, String actor) {
        requireText(carrier, "A return parcel needs its carrier");
        requireText(trackingNumber, "A return parcel needs its tracking number");
        return inTransaction(() -> {
            ReturnRequest request = lock(id);
            request.requireStatus("given a parcel", ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT);
            registerParcel(request, carrier, trackingNumber);
            request.note(actor, clock.instant(), "Parcel " + carrier + " " + trackingNumber + " registered");
            requests.save(request);
            return view(request);
        });
    }

    /**
     * The parcel was handed to the carrier (or the customer says it was sent); with a tracking number
     * it is followed by tracking from now on.
     */
    public ReturnView markInTransit(
            ReturnId id, @Nullable String carrier, @Nullable String trackingNumber, String actor) {
        return inTransaction(() -> {
            ReturnRequest request = lock(id);
            if (request.returnless || request.method == ReturnMethod.IN_STORE) {
                throw new ReturnStepNotAllowed(
                        request.number,
                        request.status,
                        "sent by carrier ("
                                + (request.returnless ? "the customer keeps the items" : "it is returned in store")
                                + ")");
            }
            Instant now = clock.instant();
            request.moveTo(ReturnStatus.IN_TRANSIT, "marked in transit", actor, now, null);
            if (trackingNumber != null && !trackingNumber.isBlank()) {
                requireText(carrier, "A tracking number needs its carrier");
                registerParcel(request, carrier, trackingNumber);
            }
            requests.save(request);
            ReturnView view = view(request);
            events.publishEvent(new ReturnInTransit(view, actor, now));
            return view;
        });
    }

    private void registerParcel(ReturnRequest request, String carrier, String trackingNumber) {
        request.carrier = carrier;
        request.trackingNumber = trackingNumber;
        returnParcels.register(new ReturnParcels.Registration(
                UUID.nameUUIDFromBytes(("return-parcel:" + request.id + ":" + trackingNumber).getBytes()),
                request.id,
                request.number,
                request.orderId.id(),
                carrier,
                trackingNumber));
    }

    /** The carrier reported the return parcel moving or delivered to the merchant. */
    void parcelMoved(ReturnId id, String carrier, String status, boolean moving, boolean delivered, Instant at) {
        inTransaction(() -> {
            ReturnRequest request = lock(id);
            if (request.status == ReturnStatus.APPROVED && moving) {
                request.moveTo(ReturnStatus.IN_TRANSIT, "marked in transit", "tracking", at, carrier + ": " + status);
                requests.save(request);
                events.publishEvent(new ReturnInTransit(view(request), "tracking", at));
            }
            if (delivered && request.status == ReturnStatus.IN_TRANSIT) {
                String note = "Delivered to the merchant by " + carrier;
                boolean known = requests.steps(request.id).stream().anyMatch(step -> note.equals(step.note()));
                if (!known) {
                    request.note("tracking", at, note);
                    requests.save(request);
                }
            }
            return request;
        });
    }

    // ---------------------------------------------------------------- receive

    /**
     * Records what arrived, item by item: units, condition, and whether they are resellable
     * (restocked at once). Units not received are no longer asked back. An instant exchange's hold is
     * released when all its units arrived, and taken otherwise.
     */
    public ReturnView receive(ReturnId id, List<ReceivedItem> received, String actor) {
        inTransaction(() -> {
            ReturnRequest request = lock(id);
            if (request.returnless) {
                throw new ReturnStepNotAllowed(
                        request.number, request.status, "received (the customer keeps the items)");
            }
            request.requireStatus("received", ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT);
            Set<UUID> seen = new HashSet<>();
            for (ReceivedItem arrived : received) {
                ReturnItem item = request.item(arrived.itemId());
                if (!seen.add(item.id)) {
                    throw new ReturnRefused("duplicate-item", "Item " + item.id + " appears twice; send it once");
                }
                if (arrived.quantity() < 0 || arrived.quantity() > item.quantity) {
                    throw new ReturnRefused(
                            "received-quantity",
                            item.sku + " was asked back " + item.quantity + " time(s), cannot receive "
                                    + arrived.quantity());
                }
                String location = arrived.restockLocation() != null
                        ? arrived.restockLocation()
                        : request.method == ReturnMethod.IN_STORE
                                ? request.locationCode
                                : settings.defaultRestockLocation();
                if (arrived.resellable()) {
                    requireLocation(location);
                }
                item.receive(new ReceivedItem(
                        item.id, arrived.quantity(), arrived.condition(), arrived.resellable(), location));
            }
            Map<UUID, Integer> returned = new LinkedHashMap<>();
            Map<UUID, Integer> notReturned = new LinkedHashMap<>();
            for (ReturnItem item : request.items) {
                int arrived = item.receivedQuantity == null ? 0 : item.receivedQuantity;
                if (item.receivedQuantity == null) {
                    item.receivedQuantity = 0;
                }
                if (arrived > 0) {
                    returned.merge(item.orderLineId, arrived, Integer::sum);
                    if (Boolean.TRUE.equals(item.resellable)) {
                        inventory.restock(item.restockLocation, item.sku, arrived);
                    }
                }
                if (arrived < item.quantity) {
                    notReturned.merge(item.orderLineId, item.quantity - arrived, Integer::sum);
                }
            }
            Instant now = clock.instant();
            request.moveTo(ReturnStatus.RECEIVED, "received", actor, now, receivedSummary(request));
            orders.recordReturned(request.orderId, returned, "Return " + request.number + " received", actor);
            orders.releaseReturnRequest(
                    request.orderId, notReturned, "Return " + request.number + ": not received", actor);
            requests.save(request);
            events.publishEvent(new ReturnReceived(view(request), actor, now));
            return request;
        });
        settleHold(id);
        return find(id).orElseThrow();
    }

    private static String receivedSummary(ReturnRequest request) {
        return request.items.stream()
                .map(item -> item.receivedQuantity + "/" + item.quantity + " " + item.sku
                        + (item.condition == null
                                ? ""
                                : " " + item.condition.name().toLowerCase())
                        + (Boolean.TRUE.equals(item.resellable) ? " restocked at " + item.restockLocation : ""))
                .collect(Collectors.joining(", "));
    }

    /** Releases or takes an instant exchange's hold once the return arrived (outside any transaction). */
    private void settleHold(ReturnId id) {
        ReturnRequest request = requests.find(id.id()).orElseThrow();
        if (request.holdState != ReturnRequest.HoldState.HELD
                || request.status == ReturnStatus.APPROVED
                || request.status == ReturnStatus.IN_TRANSIT) {
            return;
        }
        boolean allBack = request.items.stream()
                .filter(item -> item.outcome == ReturnOutcome.INSTANT_EXCHANGE)
                .allMatch(item -> item.receivedQuantity != null && item.receivedQuantity == item.quantity);
        HoldOutcome outcome = allBack
                ? payments.releaseHold(request.orderId, request.orderNumber, request.holdKey)
                : payments.captureHold(request.orderId, request.orderNumber, request.holdKey);
        if (outcome.succeeded()) {
            inTransaction(() -> {
                ReturnRequest locked = lock(id);
                if (locked.holdState == ReturnRequest.HoldState.HELD) {
                    locked.holdState = allBack ? ReturnRequest.HoldState.RELEASED : ReturnRequest.HoldState.CAPTURED;
                    locked.note(
                            "payments",
                            clock.instant(),
                            allBack
                                    ? "Hold of " + outcome.amount() + " released"
                                    : "Hold of " + outcome.amount() + " taken: not every item came back");
                    requests.save(locked);
                }
                return locked;
            });
        }
    }

    // ---------------------------------------------------------------- resolve

    /**
     * Executes the outcomes of a received (or returnless) return. Store credit and exchanges are
     * settled in this transaction (the wallet books the credit from {@link ReturnResolved}); a refund
     * is decided here, moves the return to {@link ReturnStatus#REFUND_PENDING}, and is then executed
     * with the payment provider outside the transaction under the key {@code return:<id>:refund}.
     * Resolving a return whose refund is still pending carries that refund on instead of refusing.
     */
    public ReturnView resolve(ReturnId id, String actor) {
        ReturnRequest decided = inTransaction(() -> {
            ReturnRequest request = lock(id);
            if (request.status == ReturnStatus.REFUND_PENDING) {
                // Decided by an earlier call whose refund did not finish (its process died, or its
                // answer was lost and the caller asks again): finish that refund, under its key.
                return request;
            }
            if (!(request.status == ReturnStatus.RECEIVED
                    || (request.status == ReturnStatus.APPROVED && request.returnless))) {
                throw new ReturnStepNotAllowed(request.number, request.status, "resolved");
            }
            Instant now = clock.instant();
            Money refund = Money.zero(request.currency);
            Money credit = Money.zero(request.currency);
            List<ReturnItem> toExchange = new ArrayList<>();
            for (ReturnItem item : request.items) {
                int units = item.settledQuantity(request.returnless);
                if (units == 0) {
                    continue;
                }
                Money worth = item.unitRefund.times(units);
                switch (item.outcome) {
                    case REFUND -> refund = refund.plus(worth);
                    case STORE_CREDIT -> credit = credit.plus(worth);
                    case EXCHANGE -> toExchange.add(item);
                    case INSTANT_EXCHANGE -> {
                        /* shipped at approval; its hold is settled on receipt */
                    }
                }
            }
            refund = refund.plus(instantExchangeExcess(request));
            if (!toExchange.isEmpty()) {
                refund = refund.plus(exchangeWithStock(request, toExchange, now));
            }
            for (ReturnItem item : request.items) {
                // An exchange that fell back while resolving (stock gone) is paid like the fallback.
                if (toExchange.contains(item) && !item.exchanges()) {
                    Money worth = item.unitRefund.times(item.settledQuantity(request.returnless));
                    if (item.outcome == ReturnOutcome.REFUND) {
                        refund = refund.plus(worth);
                    } else {
                        credit = credit.plus(worth);
                    }
                }
            }
            request.refundAmount = refund;
            request.storeCredit = credit;
            request.bonus = credit.isPositive()
                    ? ReturnMoney.bonus(credit, rulesOf(request).storeCreditBonusPercent())
                    : Money.zero(request.currency);
            if (request.returnless) {
                orders.recordReturned(
                        request.orderId,
                        asked(request),
                        "Return " + request.number + ": kept by the customer (returnless)",
                        actor);
            }
            if (refund.isPositive()) {
                request.moveTo(
                        ReturnStatus.REFUND_PENDING,
                        "resolved",
                        actor,
                        now,
                        "Refund of " + refund + " to the original payment decided" + creditNote(request));
                requests.save(request);
            } else {
                request.moveTo(ReturnStatus.RESOLVED, "resolved", actor, now, "Resolved" + creditNote(request));
                request.refunded = Money.zero(request.currency);
                requests.save(request);
                events.publishEvent(resolved(request, now));
            }
            return request;
        });
        if (decided.status == ReturnStatus.REFUND_PENDING) {
            executeRefund(decided.id);
        }
        return find(id).orElseThrow();
    }

    /**
     * What the items of an instant exchange were worth beyond the replacement's price, refunded once
     * every unit came back (the hold was released).
     */
    private Money instantExchangeExcess(ReturnRequest request) {
        if (request.holdState != ReturnRequest.HoldState.RELEASED || request.exchangeOrderId == null) {
            return Money.zero(request.currency);
        }
        Money value = request.items.stream()
                .filter(item -> item.outcome == ReturnOutcome.INSTANT_EXCHANGE)
                .map(ReturnItem::value)
                .reduce(Money.zero(request.currency), Money::plus);
        Money price = orders.find(new OrderId(request.exchangeOrderId))
                .map(OrderView::subtotal)
                .orElse(value);
        Money excess = value.minus(price);
        return excess.isPositive() ? excess : Money.zero(request.currency);
    }

    private static String creditNote(ReturnRequest request) {
        if (request.storeCredit == null || !request.storeCredit.isPositive()) {
            return "";
        }
        return "; store credit " + request.storeCredit
                + (request.bonus != null && request.bonus.isPositive() ? " + bonus " + request.bonus : "")
                + (request.giftRecipientEmail != null ? " for " + request.giftRecipientEmail : "");
    }

    /**
     * Places the replacement order of the exchanged items that arrived, with their stock (reserved
     * again when the reservation lapsed; an item out of stock falls back). Returns the value exchanged
     * beyond the replacement's price, to refund.
     */
    private Money exchangeWithStock(ReturnRequest request, List<ReturnItem> toExchange, Instant now) {
        List<ReturnItem> exchanged = new ArrayList<>();
        for (ReturnItem item : toExchange) {
            boolean reserved = request.exchangeReservedUntil != null && now.isBefore(request.exchangeReservedUntil);
            if (!reserved) {
                inventory.release(item.id);
                int units = item.settledQuantity(request.returnless);
                reserved = request.exchangesFromStoreShelf()
                        ? inventory
                                .reserveAt(item.id, item.id, request.locationCode, item.exchangeSku, units)
                                .isPresent()
                        : inventory
                                .reserveInStock(item.id, item.id, item.exchangeSku, units)
                                .isPresent();
            }
            if (reserved) {
                exchanged.add(item);
            } else {
                item.fallBackTo(
                        rulesOf(request).exchangeOutOfStock(),
                        item.exchangeSku + " is out of stock: you get "
                                + (rulesOf(request).exchangeOutOfStock() == ReturnOutcome.REFUND
                                        ? "a refund"
                                        : "store credit")
                                + " instead");
                request.note("inventory", now, item.outcomeNote);
            }
        }
        if (request.exchangesFromStoreShelf() && costsMoreThanGivenBack(request, exchanged)) {
            // The price rose since the counter took the request: nothing leaves the shop with money due.
            for (ReturnItem item : exchanged) {
                inventory.release(item.id);
                item.fallBackTo(
                        rulesOf(request).exchangeOutOfStock(),
                        item.exchangeSku + " now costs more than the item given back: you get "
                                + (rulesOf(request).exchangeOutOfStock() == ReturnOutcome.REFUND
                                        ? "a refund"
                                        : "store credit")
                                + " instead");
                request.note("catalog", now, item.outcomeNote);
            }
            return Money.zero(request.currency);
        }
        if (exchanged.isEmpty()) {
            return Money.zero(request.currency);
        }
        Money value = exchanged.stream()
                .map(item -> item.unitRefund.times(item.settledQuantity(request.returnless)))
                .reduce(Money.zero(request.currency), Money::plus);
        OrderView replacement = placeReplacement(request, exchanged, item -> item.settledQuantity(request.returnless));
        Money excess = value.minus(replacement.subtotal());
        return excess.isPositive() ? excess : Money.zero(request.currency);
    }

    private boolean costsMoreThanGivenBack(ReturnRequest request, List<ReturnItem> exchanged) {
        Map<String, ProductVariant> variants = catalog.findBySkus(
                exchanged.stream().map(item -> item.exchangeSku).toList());
        Money price = Money.zero(request.currency);
        Money value = Money.zero(request.currency);
        for (ReturnItem item : exchanged) {
            int units = item.settledQuantity(request.returnless);
            price = price.plus(variants.get(item.exchangeSku).price().times(units));
            value = value.plus(item.unitRefund.times(units));
        }
        return price.compareTo(value) > 0;
    }

    /**
     * The replacement order of an exchange: the wanted items at their catalog price, less the value of
     * the items given back (an order discount), shipped where the original order went. Nothing is due
     * when the items given back were worth as much; otherwise the difference is due on the new order.
     * Placed once per return (its external reference is the return number).
     */
    private OrderView placeReplacement(
            ReturnRequest request, List<ReturnItem> items, java.util.function.ToIntFunction<ReturnItem> units) {
        OrderView original = orders.find(request.orderId).orElseThrow();
        Map<String, ProductVariant> variants =
                catalog.findBySkus(items.stream().map(item -> item.exchangeSku).toList());
        Money price = Money.zero(request.currency);
        Money value = Money.zero(request.currency);
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (ReturnItem item : items) {
            int quantity = units.applyAsInt(item);
            ProductVariant variant = variants.get(item.exchangeSku);
            price = price.plus(variant.price().times(quantity));
            value = value.plus(item.unitRefund.times(quantity));
            lines.add(
                    new PlaceOrder.Line(variant.sku(), quantity, variant.price().amount(), null));
            // The replacement order reserves its own stock; the return's reservation gives way to it.
            inventory.release(item.id);
        }
        Money allowance = value.compareTo(price) >= 0 ? price : value;
        boolean handedOver = request.exchangesFromStoreShelf();
        PlaceOrder placement = new PlaceOrder(
                handedOver ? SalesChannel.STORE : original.channel(),
                "return:" + request.number,
                original.email() == null ? null : ContactDetails.email(original.email(), original.customerName()),
                request.currency.getCurrencyCode(),
                lines,
                handedOver ? null : original.shipTo(),
                price.compareTo(value) > 0 ? PaymentStatus.PENDING : PaymentStatus.PAID,
                null,
                null,
                allowance.amount(),
                null);
        OrderView replacement = handedOver
                ? orders.handOverAtCounter(placement, request.locationCode, "store:" + request.locationCode)
                : orders.place(placement);
        request.exchangeOrderId = replacement.id().id();
        request.exchangeOrderNumber = replacement.number();
        request.exchangeReservedUntil = null;
        request.note(
                "orders",
                clock.instant(),
                "Replacement order " + replacement.number()
                        + (handedOver ? " handed over from the shelf at " + request.locationCode : " placed")
                        + (replacement.total().isPositive() ? "; " + replacement.total() + " due on it" : ""));
        return replacement;
    }

    /**
     * Executes a decided refund with the payment provider, outside any transaction, under the
     * return's key; then resolves the return, or leaves it for a person when the provider refused.
     * Safe to call again (after a crash, from the sweeper): the key makes the provider call once.
     */
    void executeRefund(UUID id) {
        ReturnRequest pending = requests.find(id).orElseThrow();
        if (pending.status != ReturnStatus.REFUND_PENDING || pending.refundAmount == null) {
            return;
        }
        RefundOutcome outcome = payments.refund(
                pending.orderId, pending.orderNumber, pending.refundAmount, "return:" + pending.id + ":refund");
        if (outcome.status() == RefundOutcome.Status.PENDING) {
            return; // another attempt is under way; the sweeper looks again later
        }
        inTransaction(() -> {
            ReturnRequest request = lock(pending.id());
            if (request.status != ReturnStatus.REFUND_PENDING) {
                return request;
            }
            Instant now = clock.instant();
            if (outcome.refunded()) {
                request.refunded = outcome.amount();
                recordRefundedUnits(request, "payments");
                String note = "Refunded " + outcome.amount() + " to the original payment"
                        + (outcome.amount().compareTo(request.refundAmount) < 0
                                ? " (of " + request.refundAmount + " decided: nothing more was paid)"
                                : "");
                request.moveTo(ReturnStatus.RESOLVED, "resolved", "payments", now, note);
                requests.save(request);
                events.publishEvent(resolved(request, now));
            } else {
                String reason =
                        outcome.failureReason() == null ? outcome.status().name() : outcome.failureReason();
                request.moveTo(
                        ReturnStatus.MANUAL_REFUND_REQUIRED,
                        "left for a manual refund",
                        "payments",
                        now,
                        "The refund of " + request.refundAmount + " failed: " + reason);
                requests.save(request);
                events.publishEvent(new ManualRefundRequired(view(request), request.refundAmount, reason, now));
            }
            return request;
        });
    }

    /** Someone refunded by hand after the provider refused; the return is resolved. */
    public ReturnView markRefundedByHand(ReturnId id, String actor, String reference) {
        requireText(reference, "Say how it was refunded (e.g. the bank transfer's reference)");
        return inTransaction(() -> {
            ReturnRequest request = lock(id);
            request.requireStatus("marked refunded by hand", ReturnStatus.MANUAL_REFUND_REQUIRED);
            Instant now = clock.instant();
            request.refunded = request.refundAmount;
            recordRefundedUnits(request, actor);
            request.moveTo(ReturnStatus.RESOLVED, "resolved", actor, now, "Refunded by hand: " + reference);
            requests.save(request);
            events.publishEvent(resolved(request, now));
            return view(request);
        });
    }

    private void recordRefundedUnits(ReturnRequest request, String actor) {
        Map<UUID, Integer> refunded = new LinkedHashMap<>();
        for (ReturnItem item : request.items) {
            int units = item.settledQuantity(request.returnless);
            if (item.outcome == ReturnOutcome.REFUND && units > 0) {
                refunded.merge(item.orderLineId, units, Integer::sum);
            }
        }
        orders.recordRefunded(request.orderId, refunded, "Return " + request.number + " refunded", actor);
    }

    private ReturnResolved resolved(ReturnRequest request, Instant at) {
        List<ReturnResolved.ItemOutcome> outcomes = new ArrayList<>();
        for (ReturnItem item : request.items) {
            int units = item.settledQuantity(request.returnless);
            if (units > 0) {
                outcomes.add(new ReturnResolved.ItemOutcome(
                        item.orderLineId,
                        item.sku,
                        units,
                        item.outcome,
                        item.unitRefund.times(units),
                        request.returnless,
                        item.exchanges() ? item.exchangeSku : null));
            }
        }
        Money zero = Money.zero(request.currency);
        return new ReturnResolved(
                request.id(),
                request.number,
                request.orderId,
                request.orderNumber,
                request.customerId,
                request.customerEmail,
                request.refunded == null ? zero : request.refunded,
                request.storeCredit == null ? zero : request.storeCredit,
                request.bonus == null ? zero : request.bonus,
                request.giftRecipientEmail,
                request.exchangeOrderNumber,
                request.exchangeOrderNumber != null && request.exchangesFromStoreShelf() ? request.locationCode : null,
                outcomes,
                at);
    }

    // ---------------------------------------------------------------- photos

    /**
     * Stores a photo of an item to return: not yet attached (its id then goes in the request), or
     * for an item of an existing return. JPEG, PNG or WebP (by their bytes), at most 5 MB, 5 per item.
     */
    public UUID storePhoto(byte[] bytes, @Nullable ReturnId returnId, @Nullable UUID itemId) {
        if (returnId == null) {
            return photos.store(bytes, null, null);
        }
        ReturnRequest request = requests.find(returnId.id()).orElseThrow(() -> new ReturnNotFound(returnId.toString()));
        ReturnItem item = request.item(itemId);
        return photos.store(bytes, request.id, item.id);
    }

    // ---------------------------------------------------------------- sweeps

    /** An instant exchange whose items did not come back in time: the hold is taken, the return ends. */
    void takeOverdueHold(UUID id) {
        ReturnRequest overdue = requests.find(id).orElseThrow();
        if (overdue.holdState != ReturnRequest.HoldState.HELD
                || overdue.holdDeadline == null
                || clock.instant().isBefore(overdue.holdDeadline)) {
            return;
        }
        HoldOutcome taken = payments.captureHold(overdue.orderId, overdue.orderNumber, overdue.holdKey);
        if (!taken.succeeded()) {
            return; // tried again at the next sweep with the same key
        }
        inTransaction(() -> {
            ReturnRequest request = lock(overdue.id());
            if (request.holdState != ReturnRequest.HoldState.HELD) {
                return request;
            }
            Instant now = clock.instant();
            request.holdState = ReturnRequest.HoldState.CAPTURED;
            String reason = "The items did not arrive by " + request.holdDeadline + "; " + taken.amount()
                    + " taken from the payment hold";
            request.moveTo(ReturnStatus.CANCELLED, "cancelled", "policy:instant-exchange-deadline", now, reason);
            orders.releaseReturnRequest(
                    request.orderId, asked(request), "Return " + request.number + ": not returned in time", "returns");
            requests.save(request);
            events.publishEvent(new ReturnCancelled(view(request), "policy:instant-exchange-deadline", reason, now));
            return request;
        });
    }

    /** Exchange stock reserved for longer than the hold goes back on sale; resolving reserves again. */
    void releaseLapsedReservations(UUID id) {
        inTransaction(() -> {
            ReturnRequest request = lock(new ReturnId(id));
            if (request.exchangeReservedUntil == null || clock.instant().isBefore(request.exchangeReservedUntil)) {
                return request;
            }
            for (ReturnItem item : request.items) {
                if (item.outcome == ReturnOutcome.EXCHANGE) {
                    inventory.release(item.id);
                }
            }
            request.note(
                    "policy:exchange-reservation-hold",
                    clock.instant(),
                    "Exchange stock reserved until " + request.exchangeReservedUntil
                            + " released; it is reserved again when the return arrives, if still in stock");
            request.exchangeReservedUntil = null;
            requests.save(request);
            return request;
        });
    }

    // ---------------------------------------------------------------- helpers

    private void releaseExchangeStock(ReturnRequest request) {
        for (ReturnItem item : request.items) {
            if (item.exchanges()) {
                inventory.release(item.id);
            }
        }
        request.exchangeReservedUntil = null;
    }

    private static Map<UUID, Integer> asked(ReturnRequest request) {
        Map<UUID, Integer> asked = new LinkedHashMap<>();
        request.items.forEach(item -> asked.merge(item.orderLineId, item.quantity, Integer::sum));
        return asked;
    }

    private void requireLocation(@Nullable String code) {
        if (code == null || inventory.locations().stream().map(Location::code).noneMatch(code::equals)) {
            throw new ReturnRefused("unknown-location", "Unknown stock location '" + code + "'");
        }
    }

    private ReturnRequest lock(ReturnId id) {
        return requests.lock(id.id()).orElseThrow(() -> new ReturnNotFound(id.toString()));
    }

    private ReturnView view(ReturnRequest request) {
        return request.view(requests.steps(request.id));
    }

    private <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean exchanges(ReturnOutcome outcome) {
        return outcome == ReturnOutcome.EXCHANGE || outcome == ReturnOutcome.INSTANT_EXCHANGE;
    }

    private static void requireText(@Nullable String value, String message) {
        if (value == null || value.isBlank()) {
            throw new ReturnRefused("missing-field", message);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
