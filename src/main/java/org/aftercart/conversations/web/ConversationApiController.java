package org.aftercart.conversations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationFilter;
import org.aftercart.conversations.ConversationNotFound;
import org.aftercart.conversations.ConversationPage;
import org.aftercart.conversations.ConversationStatus;
import org.aftercart.conversations.ConversationView;
import org.aftercart.conversations.Conversations;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Conversations",
        description = "Contacts with customers from every channel (e-mail, chat, phone, social, in store), for a"
                + " help desk or a phone system to record them on the customer's timeline")
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Conversations conversations;

    ConversationApiController(Conversations conversations) {
        this.conversations = conversations;
    }

    @Operation(
            summary = "Record a contact as a new conversation",
            description = "Send an Idempotency-Key header: repeating a request with the same key returns the"
                    + " first conversation (200, Idempotent-Replayed: true) instead of recording another (201);"
                    + " the same key with another body is refused (422). The customer is found by customerId,"
                    + " else by e-mail (a new address registers a customer), else by phone, else through"
                    + " orderId.")
    @PostMapping
    ResponseEntity<ConversationView> record(
            @Parameter(description = "Unique per contact, e.g. the help desk's ticket id")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey,
            @Valid @RequestBody ConversationRequests.RecordContactRequest request,
            Principal principal) {
        var recorded = conversations.record(request.toCommand(client(principal)), idempotencyKey);
        ConversationView conversation = recorded.conversation();
        return recorded.created()
                ? ResponseEntity.created(URI.create("/api/v1/conversations/" + conversation.id()))
                        .body(conversation)
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(conversation);
    }

    @Operation(
            summary = "Add what was said next",
            description = "An inbound entry opens a conversation that was waiting for the customer or closed."
                    + " Idempotency-Key as for recording a contact.")
    @PostMapping("/{id}/entries")
    ResponseEntity<ConversationView> addEntry(
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody ConversationRequests.EntryRequest request,
            Principal principal) {
        var recorded = conversations.addEntry(id, request.toEntry(client(principal)), idempotencyKey);
        return recorded.created()
                ? ResponseEntity.status(201).body(recorded.conversation())
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(recorded.conversation());
    }

    @Operation(summary = "Read a conversation with its entries, oldest first")
    @GetMapping("/{id}")
    ConversationView get(@PathVariable UUID id) {
        return conversations.find(id).orElseThrow(() -> new ConversationNotFound(id));
    }

    @Operation(summary = "List conversations, open ones first, then the most recently active")
    @GetMapping
    ConversationPage list(
            @RequestParam(required = false) @Nullable ConversationStatus status,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable ConversationChannel channel,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return conversations.list(
                new ConversationFilter(status, assignee, channel), page, Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    private static String client(Principal principal) {
        return "api:" + principal.getName();
    }
}
