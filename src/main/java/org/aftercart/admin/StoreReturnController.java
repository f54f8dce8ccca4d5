package org.aftercart.admin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderNotFound;
import org.aftercart.orders.OrderSummary;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAudit;
import org.aftercart.returns.Eligibility;
import org.aftercart.returns.ExchangeDelivery;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnNotFound;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnRefused;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The store associate's counter: find any order (from any channel) by order number, e-mail or
 * return number, see what of it can be returned and why not, and take a return in store in one
 * step: requested (channel STORE, method IN_STORE), received and resolved on the spot, ending on a
 * printable receipt. In-store returns asked for online are received here too.
 */
@Controller
@RequestMapping("/console/store-returns")
class StoreReturnController {

    /** The store the associate works at, remembered for the rest of their session. */
    static final String STORE_LOCATION = "aftercart.console.store-location";

    static final int MAX_COMMENT_LENGTH = 500;

    /** Other variants of a product the store has on its shelf, offered when the one asked for is not there. */
    static final String SHELF_SUGGESTIONS = "shelfSuggestions";

    /** What a store gives for a returned item: an exchange comes from the shelf, never later by post. */
    static final Set<ReturnOutcome> STORE_OUTCOMES =
            EnumSet.of(ReturnOutcome.REFUND, ReturnOutcome.STORE_CREDIT, ReturnOutcome.EXCHANGE);

    private final Returns returns;
    private final OrderManagement orders;
    private final Inventory inventory;
    private final Catalog catalog;
    private final ConsoleText text;
    private final ConsoleFormat format;

    StoreReturnController(
            Returns returns,
            OrderManagement orders,
            Inventory inventory,
            Catalog catalog,
            ConsoleText text,
            ConsoleFormat format) {
        this.format = format;
        this.returns = returns;
        this.catalog = catalog;
        this.orders = orders;
        this.inventory = inventory;
        this.text = text;
    }

    @GetMapping
    String counter(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(required = false) @Nullable UUID orderId,
            HttpSession session,
            Model model) {
        String trimmed = query.strip();
        model.addAttribute("query", trimmed);
        List<Location> stores = stores();
        model.addAttribute("stores", stores);
        String storeLocation = storeLocation(session, stores);
        model.addAttribute("storeLocation", storeLocation);
        model.addAttribute("exchangeDeliveries", List.of(ExchangeDelivery.values()));
        model.addAttribute("conditions", ItemCondition.values());
        model.addAttribute("reasons", returns.reasons());
        model.addAttribute("outcomes", List.copyOf(STORE_OUTCOMES));
        model.addAttribute("maxCommentLength", MAX_COMMENT_LENGTH);

        ReturnView named = null;
        OrderView order = null;
        List<OrderSummary> matches = List.of();
        if (orderId != null) {
            order = orders.find(new OrderId(orderId)).orElseThrow(() -> new OrderNotFound(orderId.toString()));
        } else if (!trimmed.isEmpty()) {
            named = returns.findByNumber(trimmed).orElse(null);
            if (named != null) {
                order = orders.find(named.orderId()).orElse(null);
            } else {
                order = orders.findByNumber(trimmed)
                        .or(() -> orders.findByNumber(trimmed.toUpperCase(Locale.ROOT)))
                        .orElse(null);
            }
            if (order == null) {
                matches = orders.search(trimmed, 0, 10).orders();
                if (matches.size() == 1) {
                    order = orders.find(matches.getFirst().id()).orElse(null);
                }
            }
            model.addAttribute("notFound", order == null && matches.isEmpty());
        }
        model.addAttribute("matches", order == null ? matches : List.of());
        model.addAttribute("order", order);
        if (order != null) {
            Eligibility eligibility = returns.eligibility(order.id());
            List<ReturnView> ofOrder = returns.ofOrder(order.id());
            model.addAttribute("eligibility", eligibility);
            model.addAttribute(
                    "returnable",
                    eligibility.lines().stream()
                            .filter(Eligibility.Line::returnable)
                            .toList());
            // Suggestions for the exchange field: the other sizes and colours of each line's product
            // (any SKU may still be typed, to exchange for another product), with what the store has.
            Map<UUID, List<ProductVariant>> variants = eligibility.lines().stream()
                    .filter(Eligibility.Line::returnable)
                    .collect(java.util.stream.Collectors.toMap(
                            Eligibility.Line::orderLineId, line -> catalog.variantsOfSameProduct(line.sku()).stream()
                                    .filter(variant ->
                                            variant.active() && !variant.sku().equals(line.sku()))
                                    .toList()));
            model.addAttribute("variants", variants);
            model.addAttribute(
                    "onShelf",
                    storeLocation == null
                            ? Map.of()
                            : inventory.available(
                                    storeLocation,
                                    variants.values().stream()
                                            .flatMap(List::stream)
                                            .map(ProductVariant::sku)
                                            .toList()));
            model.addAttribute(
                    "refused",
                    eligibility.lines().stream()
                            .filter(line -> !line.returnable())
                            .toList());
            model.addAttribute(
                    "awaiting",
                    ofOrder.stream()
                            .filter(StoreReturnController::awaitsReceiptInStore)
                            .toList());
            model.addAttribute("namedReturn", named);
        }
        return "admin/store-returns";
    }

    /** Takes a return at the counter: asks for it, receives and resolves it in one go. */
    @PostMapping
    String takeReturn(
            @RequestParam UUID orderId,
            @RequestParam(defaultValue = "") String location,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Principal principal,
            RedirectAttributes redirect) {
        String back = counterOf(orderId);
        if (location.isBlank()) {
            Flash.error(redirect, text.get("store-returns.location-required"));
            return back;
        }
        session.setAttribute(STORE_LOCATION, location);
        Eligibility eligibility = returns.eligibility(new OrderId(orderId));
        List<RequestReturn.Item> items = new ArrayList<>();
        List<ItemReceipt> receipts = new ArrayList<>();
        try {
            for (Eligibility.Line line : eligibility.lines()) {
                String suffix = "-" + line.orderLineId();
                int quantity = Integer.parseInt(
                        form.getOrDefault("quantity" + suffix, "0").strip());
                if (quantity == 0) {
                    continue;
                }
                String comment = form.getOrDefault("comment" + suffix, "").strip();
                String exchange = form.getOrDefault("exchange" + suffix, "").strip();
                ReturnOutcome outcome = ReturnOutcome.valueOf(form.getOrDefault("outcome" + suffix, "REFUND"));
                if (!STORE_OUTCOMES.contains(outcome) || comment.length() > MAX_COMMENT_LENGTH) {
                    throw new IllegalArgumentException("Not a store outcome: " + outcome);
                }
                items.add(new RequestReturn.Item(
                        line.orderLineId(),
                        quantity,
                        form.getOrDefault("reason" + suffix, ""),
                        comment.isEmpty() ? null : comment,
                        outcome,
                        exchange.isEmpty() ? null : exchange,
                        (BigDecimal) null,
                        List.of()));
                receipts.add(new ItemReceipt(
                        line.orderLineId(),
                        ItemCondition.valueOf(form.getOrDefault("condition" + suffix, ItemCondition.NEW.name())),
                        "true".equals(form.get("resellable" + suffix))));
            }
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, text.get("store-returns.invalid"));
            return back;
        }
        if (items.isEmpty()) {
            Flash.error(redirect, text.get("store-returns.nothing-chosen"));
            return back;
        }
        ExchangeDelivery exchangeDelivery;
        try {
            exchangeDelivery = ExchangeDelivery.valueOf(
                    form.getOrDefault("exchangeDelivery", ExchangeDelivery.FROM_STORE_SHELF.name()));
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, text.get("store-returns.invalid"));
            return back;
        }
        String actor = ConsoleActor.of(principal);
        ReturnView requested;
        try {
            requested = returns.request(new RequestReturn(
                    new OrderId(orderId),
                    ReturnChannel.STORE,
                    ReturnMethod.IN_STORE,
                    location,
                    items,
                    false,
                    null,
                    actor,
                    exchangeDelivery));
        } catch (ReturnRefused e) {
            refuseAtTheCounter(e, location, redirect);
            return back;
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
            return back;
        }
        List<ReceivedItem> received = requested.items().stream()
                .map(item -> {
                    ItemReceipt receipt = receipts.stream()
                            .filter(r -> r.orderLineId().equals(item.orderLineId()))
                            .findFirst()
                            .orElseThrow();
                    return new ReceivedItem(
                            item.id(), item.quantity(), receipt.condition(), receipt.resellable(), location);
                })
                .toList();
        return receiveAndResolve(requested, received, actor, redirect);
    }

    /** Receives at the counter an in-store return asked for online, and resolves it. */
    @PostMapping("/{id}/receive")
    String receiveInStore(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String location,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Principal principal,
            RedirectAttributes redirect) {
        ReturnView request = returns.find(new ReturnId(id)).orElseThrow(() -> new ReturnNotFound(id.toString()));
        if (!location.isBlank()) {
            session.setAttribute(STORE_LOCATION, location);
        }
        List<ReceivedItem> received;
        try {
            received = ReceiptForm.read(request, form, location.isBlank() ? request.locationCode() : location.strip());
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, text.get("store-returns.invalid"));
            return counterOf(request.orderId().id());
        }
        return receiveAndResolve(request, received, ConsoleActor.of(principal), redirect);
    }

    @GetMapping("/{id}/receipt")
    String receipt(@PathVariable UUID id, Model model) {
        ReturnView request = returns.find(new ReturnId(id)).orElseThrow(() -> new ReturnNotFound(id.toString()));
        model.addAttribute("request", request);
        model.addAttribute(
                "store",
                inventory.locations().stream()
                        .filter(location -> location.code().equals(request.locationCode()))
                        .findFirst()
                        .orElse(null));
        return "admin/store-receipt";
    }

    private String receiveAndResolve(
            ReturnView request, List<ReceivedItem> received, String actor, RedirectAttributes redirect) {
        try {
            ReturnView done = returns.receive(request.id(), received, actor);
            done = returns.resolve(done.id(), actor);
            StaffAudit.subject("return", done.id().id().toString());
            StaffAudit.change(AuditSnapshots.of(request), AuditSnapshots.of(done));
            Flash.success(redirect, text.get("store-returns.done", done.number()));
            return "redirect:/console/store-returns/" + done.id() + "/receipt";
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
            ReturnView now = returns.find(request.id()).orElse(request);
            // Received but not resolved: the return's own page has the next step.
            return now.status() == ReturnStatus.RECEIVED || now.status() == ReturnStatus.MANUAL_REFUND_REQUIRED
                    ? ReturnAdminController.redirectTo(now.id().id())
                    : counterOf(now.orderId().id());
        }
    }

    /**
     * Says why the counter cannot do what was asked, in the associate's language for the refusals of
     * an exchange from the shelf; when the store lacks the item, offers what it has of the product's
     * other sizes and colours (the associate may also pick another outcome or ship from elsewhere).
     */
    private void refuseAtTheCounter(ReturnRefused refused, String location, RedirectAttributes redirect) {
        Map<String, Object> facts = refused.getBody().getProperties();
        switch (refused.rule()) {
            case "exchange-not-on-shelf" -> {
                String sku = String.valueOf(facts.get("sku"));
                Flash.error(redirect, text.get("store-returns.refused.not-on-shelf", sku, location));
                List<ProductVariant> others = catalog.variantsOfSameProduct(sku).stream()
                        .filter(variant -> variant.active() && !variant.sku().equals(sku))
                        .toList();
                Map<String, Integer> available = inventory.available(
                        location, others.stream().map(ProductVariant::sku).toList());
                ArrayList<ShelfSuggestion> suggestions = new ArrayList<>();
                for (ProductVariant variant : others) {
                    int units = available.getOrDefault(variant.sku(), 0);
                    if (units > 0) {
                        suggestions.add(new ShelfSuggestion(variant.sku(), variant.displayTitle(), units));
                    }
                }
                redirect.addFlashAttribute(SHELF_SUGGESTIONS, suggestions);
            }
            case "exchange-costs-more" ->
                Flash.error(
                        redirect,
                        text.get(
                                "store-returns.refused.costs-more",
                                facts.get("difference") instanceof Money difference ? format.money(difference) : "?"));
            default -> Flash.error(redirect, text.problem(refused));
        }
    }

    /** A variant the store has on its shelf, offered instead of one it lacks. */
    record ShelfSuggestion(String sku, String title, int units) implements Serializable {}

    private record ItemReceipt(UUID orderLineId, ItemCondition condition, boolean resellable) {}

    private static boolean awaitsReceiptInStore(ReturnView request) {
        return request.method() == ReturnMethod.IN_STORE
                && (request.status() == ReturnStatus.APPROVED || request.status() == ReturnStatus.IN_TRANSIT);
    }

    /** The stores, or every location when the merchant defined no store. */
    private List<Location> stores() {
        List<Location> all = inventory.locations();
        List<Location> stores = all.stream()
                .filter(location -> location.kind() == Location.Kind.STORE)
                .toList();
        return stores.isEmpty() ? all : stores;
    }

    private static @Nullable String storeLocation(HttpSession session, List<Location> stores) {
        Object remembered = session.getAttribute(STORE_LOCATION);
        Optional<Location> known = stores.stream()
                .filter(location -> location.code().equals(remembered))
                .findFirst();
        return known.map(Location::code).orElse(null);
    }

    private static String counterOf(UUID orderId) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/console/store-returns")
                        .queryParam("orderId", orderId)
                        .toUriString();
    }
}
