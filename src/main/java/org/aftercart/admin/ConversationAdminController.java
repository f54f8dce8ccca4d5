package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationFilter;
import org.aftercart.conversations.ConversationNotFound;
import org.aftercart.conversations.ConversationPage;
import org.aftercart.conversations.ConversationStatus;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.ConversationView;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.NewEntry;
import org.aftercart.conversations.RecordContact;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Conversations in the console: the list (open ones first, filtered by status, assignee and
 * channel), one conversation with its entries, taking one ("assign to me") and moving its status,
 * and recording a contact by hand, e.g. a phone call. An htmx request for an action on a row of the
 * list gets the row back; any other request is redirected, so every action works without JavaScript.
 */
@Controller
@RequestMapping("/console/conversations")
class ConversationAdminController {

    static final int PAGE_SIZE = 25;

    /** A conversation with what the list shows about its customer and order. */
    record Row(ConversationView conversation, String customerLabel, @Nullable String orderNumber) {}

    private final Conversations conversations;
    private final Customers customers;
    private final OrderManagement orders;
    private final ConsoleText text;

    ConversationAdminController(
            Conversations conversations, Customers customers, OrderManagement orders, ConsoleText text) {
        this.conversations = conversations;
        this.customers = customers;
        this.orders = orders;
        this.text = text;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable ConversationStatus status,
            @RequestParam(defaultValue = "") String assignee,
            @RequestParam(required = false) @Nullable ConversationChannel channel,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            Principal principal,
            HttpServletResponse response,
            Model model) {
        String assigneeFilter = "me".equals(assignee) ? principal.getName() : blankToNull(assignee);
        ConversationPage found = conversations.list(
                new ConversationFilter(status, assigneeFilter, channel), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("rows", found.items().stream().map(this::row).toList());
        model.addAttribute("results", found);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("status", status);
        model.addAttribute("assignee", assignee);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("channels", ConversationChannel.values());
        model.addAttribute(
                "assignees",
                conversations.activeAssignees().stream()
                        .filter(name -> !name.equals(principal.getName()))
                        .toList());
        model.addAttribute("back", listUrl(status, assignee, channel, found.page()));
        model.addAttribute("previousUrl", listUrl(status, assignee, channel, found.page() - 1));
        model.addAttribute("nextUrl", listUrl(status, assignee, channel, found.page() + 1));
        response.addHeader("Vary", "HX-Request");
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "admin/conversations :: results" : "admin/conversations";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ConversationView conversation = conversations.find(id).orElseThrow(() -> new ConversationNotFound(id));
        Row row = row(conversation);
        model.addAttribute("row", row);
        model.addAttribute("c", conversation);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("back", "/console/conversations/" + id);
        return "admin/conversation";
    }

    @PostMapping("/{id}/assign-to-me")
    String assignToMe(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        ConversationView conversation = conversations.assign(id, principal.getName());
        return answer(conversation, back, htmx, text.get("conversation.assigned"), model, redirect);
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable UUID id,
            @RequestParam ConversationStatus status,
            @RequestParam(defaultValue = "") String back,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        ConversationView conversation = conversations.changeStatus(id, status, principal.getName());
        return answer(
                conversation,
                back,
                htmx,
                text.get("conversation.status.changed", statusLabel(status)),
                model,
                redirect);
    }

    @PostMapping("/{id}/entries")
    String addEntry(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "OUTBOUND") EntryDirection direction,
            @RequestParam(defaultValue = "") String entry,
            @RequestParam(defaultValue = "") String idempotencyKey,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            conversations.addEntry(
                    id,
                    new NewEntry(
                            direction, entry, direction == EntryDirection.INBOUND ? "customer" : principal.getName()),
                    idempotencyKey.isBlank() || idempotencyKey.length() > Conversations.MAX_KEY
                            ? null
                            : idempotencyKey);
            Flash.success(redirect, text.get("conversation.entry.done"));
        } catch (ConversationNotFound e) {
            throw e;
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return "redirect:/console/conversations/" + id;
    }

    /** The form to record a contact by hand, for a customer (from their page) or an order. */
    @GetMapping("/new")
    String newContact(
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(defaultValue = "") String orderNumber,
            Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute(
                "customerLabel",
                customerId == null
                        ? null
                        : customers
                                .find(new CustomerId(customerId))
                                .map(this::label)
                                .orElse(null));
        model.addAttribute("orderNumber", orderNumber);
        model.addAttribute("channels", ConversationChannel.values());
        model.addAttribute("topics", ConversationTopic.values());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "admin/conversation-new";
    }

    @PostMapping("/new")
    String recordContact(
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String orderNumber,
            @RequestParam ConversationChannel channel,
            @RequestParam ConversationTopic topic,
            @RequestParam(defaultValue = "INBOUND") EntryDirection direction,
            @RequestParam(defaultValue = "") String entry,
            @RequestParam(defaultValue = "") String idempotencyKey,
            Principal principal,
            RedirectAttributes redirect) {
        String retry = UriComponentsBuilder.fromPath("/console/conversations/new")
                .queryParamIfPresent("customerId", Optional.ofNullable(customerId))
                .queryParam("orderNumber", orderNumber.strip())
                .build()
                .toUriString();
        UUID orderId = null;
        if (!orderNumber.isBlank()) {
            Optional<OrderView> order = orders.findByNumber(orderNumber.strip());
            if (order.isEmpty()) {
                Flash.error(redirect, text.get("conversation.new.order-unknown", orderNumber.strip()));
                return "redirect:" + retry;
            }
            orderId = order.get().id().id();
        }
        String given = contact.strip();
        CustomerReference reference = customerId != null
                ? CustomerReference.id(customerId)
                : given.contains("@")
                        ? CustomerReference.email(given)
                        : new CustomerReference(null, null, given.isEmpty() ? null : given);
        try {
            var recorded = conversations.record(
                    new RecordContact(
                            reference,
                            orderId,
                            channel,
                            topic,
                            direction,
                            entry,
                            direction == EntryDirection.INBOUND ? "customer" : principal.getName(),
                            principal.getName()),
                    idempotencyKey.isBlank() ? null : idempotencyKey);
            Flash.success(redirect, text.get("conversation.new.done"));
            return "redirect:/console/conversations/" + recorded.conversation().id();
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
            return "redirect:" + retry;
        }
    }

    private String answer(
            ConversationView conversation,
            String back,
            @Nullable String htmx,
            String done,
            Model model,
            RedirectAttributes redirect) {
        String target = safeBack(back, conversation.id());
        if ("true".equals(htmx)) {
            model.addAttribute("r", row(conversation));
            model.addAttribute("statuses", ConversationStatus.values());
            model.addAttribute("back", target);
            model.addAttribute("done", done);
            return "admin/conversation-row :: row";
        }
        Flash.success(redirect, done);
        return "redirect:" + target;
    }

    /** Only back to a console conversations page: a form field must not redirect anywhere else. */
    private static String safeBack(String back, UUID id) {
        return back.startsWith("/console/conversations") && !back.contains("//") && !back.contains("\\")
                ? back
                : "/console/conversations/" + id;
    }

    private Row row(ConversationView conversation) {
        String customer = customers
                .find(new CustomerId(conversation.customerId()))
                .map(this::label)
                .orElse(conversation.customerId().toString());
        String orderNumber = conversation.orderId() == null
                ? null
                : orders.find(new OrderId(conversation.orderId()))
                        .map(OrderView::number)
                        .orElse(null);
        return new Row(conversation, customer, orderNumber);
    }

    private String label(CustomerProfile profile) {
        if (profile.name() != null && !profile.name().isBlank()) {
            return profile.name();
        }
        if (profile.email() != null) {
            return profile.email();
        }
        return text.get("customer.unnamed");
    }

    private static String listUrl(
            @Nullable ConversationStatus status, String assignee, @Nullable ConversationChannel channel, int page) {
        return UriComponentsBuilder.fromPath("/console/conversations")
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("assignee", Optional.ofNullable(blankToNull(assignee)))
                .queryParamIfPresent("channel", Optional.ofNullable(channel))
                .queryParamIfPresent("page", page > 0 ? Optional.of(page) : Optional.empty())
                .build()
                .toUriString();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private String statusLabel(ConversationStatus status) {
        return text.get(
                switch (status) {
                    case OPEN -> "conversation.status.OPEN";
                    case WAITING_ON_CUSTOMER -> "conversation.status.WAITING_ON_CUSTOMER";
                    case CLOSED -> "conversation.status.CLOSED";
                });
    }
}
