package org.aftercart.returns.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.aftercart.returns.Eligibility;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnNotFound;
import org.aftercart.returns.ReturnReasonLabels;
import org.aftercart.returns.ReturnRefused;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

@Tag(
        name = "Returns",
        description = "Return requests and their steps: approve, receive, resolve (refund, credit, exchange)")
@RestController
@RequestMapping("/api/v1")
class ReturnApiController {

    /** A reason with its label in the caller's language. */
    record ReasonView(
            String code,
            @Nullable String parentCode,
            int position,
            String label,
            boolean requiresPhoto,
            boolean requiresComment,
            boolean requiresInspection) {}

    private final Returns returns;
    private final ReturnReasonLabels reasonLabels;
    private final JsonMapper json;

    ReturnApiController(Returns returns, ReturnReasonLabels reasonLabels, JsonMapper json) {
        this.reasonLabels = reasonLabels;
        this.returns = returns;
        this.json = json;
    }

    @Operation(
            summary = "The merchant's return reasons, parents before their children, labelled in the caller's language")
    @GetMapping("/return-reasons")
    List<ReasonView> reasons(Locale locale) {
        return returns.reasons().stream()
                .map(reason -> new ReasonView(
                        reason.code(),
                        reason.parentCode(),
                        reason.position(),
                        reasonLabels.label(reason, locale),
                        reason.requiresPhoto(),
                        reason.requiresComment(),
                        reason.requiresInspection()))
                .toList();
    }

    @Operation(
            summary = "What of an order can be returned",
            description = "Per line: the returnable quantity, the refund per unit (what was paid), the outcomes"
                    + " offered, and the policy rules that refuse it (rule, text, message key).")
    @GetMapping("/orders/{orderId}/return-eligibility")
    Eligibility eligibility(@PathVariable UUID orderId) {
        return returns.eligibility(new OrderId(orderId));
    }

    @Operation(
            summary = "Ask to return items of an order",
            description = "Send an Idempotency-Key header: repeating a request with the same key returns the first"
                    + " return (200) instead of creating another (201). Amounts are computed by the server; a"
                    + " unitRefund that differs is refused. Store and agent requests are approved at once.")
    @PostMapping("/returns")
    ResponseEntity<ReturnView> create(
            @Parameter(description = "Unique per return attempt, e.g. a UUID")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey,
            @Valid @RequestBody ReturnApiRequests.CreateReturn request,
            Principal principal) {
        var command = request.toCommand(actor(principal, request.requestedBy()));
        if (idempotencyKey == null) {
            ReturnView created = returns.request(command);
            return ResponseEntity.created(location(created)).body(created);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new ReturnRefused("idempotency-key", "The Idempotency-Key header must have 1 to 255 characters");
        }
        var intake = returns.request(command, idempotencyKey, hash(request));
        return intake.created()
                ? ResponseEntity.created(location(intake.request())).body(intake.request())
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(intake.request());
    }

    @Operation(summary = "Read a return with its timeline")
    @GetMapping("/returns/{id}")
    ReturnView get(@PathVariable UUID id) {
        return returns.find(new ReturnId(id)).orElseThrow(() -> new ReturnNotFound(id.toString()));
    }

    @Operation(summary = "The returns of an order or of a customer")
    @GetMapping("/returns")
    List<ReturnView> list(
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable UUID customerId) {
        if (orderId != null) {
            return returns.ofOrder(new OrderId(orderId));
        }
        if (customerId != null) {
            return returns.ofCustomer(new CustomerId(customerId));
        }
        throw new ReturnRefused("missing-field", "Give orderId or customerId");
    }

    @Operation(summary = "Approve a return that waits for a person")
    @PostMapping("/returns/{id}/approve")
    ReturnView approve(@PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.Note request, Principal principal) {
        return returns.approve(new ReturnId(id), actor(principal, request.requestedBy()), request.note());
    }

    @Operation(summary = "Reject a return that waits for a person, with the reason")
    @PostMapping("/returns/{id}/reject")
    ReturnView reject(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.Reason request, Principal principal) {
        return returns.reject(new ReturnId(id), actor(principal, request.requestedBy()), request.reason());
    }

    @Operation(summary = "Cancel a return before its items arrive")
    @PostMapping("/returns/{id}/cancel")
    ReturnView cancel(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.Reason request, Principal principal) {
        return returns.cancel(new ReturnId(id), actor(principal, request.requestedBy()), request.reason());
    }

    @Operation(summary = "Register the return parcel with tracking (it moves to in transit when the carrier says so)")
    @PostMapping("/returns/{id}/parcel")
    ReturnView parcel(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.Parcel request, Principal principal) {
        return returns.attachParcel(new ReturnId(id), request.carrier(), request.trackingNumber(), principal.getName());
    }

    @Operation(summary = "The parcel was sent; with a tracking number it is followed from now on")
    @PostMapping("/returns/{id}/in-transit")
    ReturnView inTransit(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.InTransit request, Principal principal) {
        return returns.markInTransit(
                new ReturnId(id), request.carrier(), request.trackingNumber(), principal.getName());
    }

    @Operation(
            summary = "Record what arrived, item by item",
            description = "Condition and resellable per item; resellable units are restocked at once. With"
                    + " \"resolve\": true the return is resolved in the same call (in-store returns).")
    @PostMapping("/returns/{id}/receive")
    ReturnView receive(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.Receive request, Principal principal) {
        String actor = actor(principal, request.requestedBy());
        ReturnView received = returns.receive(
                new ReturnId(id),
                request.items().stream()
                        .map(ReturnApiRequests.Received::toCommand)
                        .toList(),
                actor);
        return Boolean.TRUE.equals(request.resolve()) ? returns.resolve(received.id(), actor) : received;
    }

    @Operation(
            summary = "Execute the outcomes: refund, store credit, exchange",
            description = "Safe to send again when the answer was lost: a return whose refund is still pending"
                    + " has that refund carried on under its key and is answered as it then stands.")
    @PostMapping("/returns/{id}/resolve")
    ReturnView resolve(@PathVariable UUID id, Principal principal) {
        return returns.resolve(new ReturnId(id), principal.getName());
    }

    @Operation(summary = "Mark a return refunded by hand after the payment provider refused the refund")
    @PostMapping("/returns/{id}/refunded-by-hand")
    ReturnView refundedByHand(
            @PathVariable UUID id, @Valid @RequestBody ReturnApiRequests.RefundedByHand request, Principal principal) {
        return returns.markRefundedByHand(
                new ReturnId(id), actor(principal, request.requestedBy()), request.reference());
    }

    @Operation(
            summary = "Upload a photo of an item to return (JPEG, PNG or WebP, at most 5 MB)",
            description = "Send its id in the return request's photoIds; reasons such as 'damaged' need one.")
    @PostMapping(path = "/return-photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, UUID>> uploadPhoto(@RequestPart("file") MultipartFile file) throws IOException {
        UUID photo = returns.storePhoto(file.getBytes(), null, null);
        return ResponseEntity.created(URI.create("/api/v1/return-photos/" + photo))
                .body(Map.of("id", photo));
    }

    @Operation(summary = "Add a photo to an item of an existing return (at most 5 per item)")
    @PostMapping(path = "/returns/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, UUID>> addPhoto(
            @PathVariable UUID id, @RequestParam UUID itemId, @RequestPart("file") MultipartFile file)
            throws IOException {
        UUID photo = returns.storePhoto(file.getBytes(), new ReturnId(id), itemId);
        return ResponseEntity.created(URI.create("/api/v1/return-photos/" + photo))
                .body(Map.of("id", photo));
    }

    private static String actor(Principal principal, @Nullable String requestedBy) {
        return requestedBy == null ? principal.getName() : requestedBy + " via " + principal.getName();
    }

    private static URI location(ReturnView view) {
        return URI.create("/api/v1/returns/" + view.id());
    }

    private String hash(ReturnApiRequests.CreateReturn request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
