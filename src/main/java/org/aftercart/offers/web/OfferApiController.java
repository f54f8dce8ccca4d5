package org.aftercart.offers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.offers.Offer;
import org.aftercart.offers.OfferDraft;
import org.aftercart.offers.OfferNotFound;
import org.aftercart.offers.OfferReport;
import org.aftercart.offers.OfferSlot;
import org.aftercart.offers.Offers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Offers", description = "The merchant's offers on the thank-you page, with their views and clicks")
@RestController
@RequestMapping("/api/v1/offers")
class OfferApiController {

    /** An offer as written through the API; {@code slot} defaults to the thank-you page. */
    record OfferRequest(
            @Nullable OfferSlot slot,
            @NotNull String headline,
            @Nullable String body,
            @NotNull String callToAction,
            @NotNull String targetUrl,
            @Nullable String code,
            @Nullable List<String> languages,
            @NotNull Instant startsAt,
            @Nullable Instant endsAt,
            boolean enabled) {

        OfferDraft draft() {
            return new OfferDraft(
                    slot == null ? OfferSlot.THANK_YOU : slot,
                    headline,
                    body == null ? "" : body,
                    callToAction,
                    targetUrl,
                    code,
                    languages == null ? List.of() : languages,
                    startsAt,
                    endsAt,
                    enabled);
        }
    }

    private final Offers offers;

    OfferApiController(Offers offers) {
        this.offers = offers;
    }

    @Operation(summary = "Every offer with its views, unique views, clicks and unique clicks, the latest start first")
    @GetMapping
    List<OfferReport> list() {
        return offers.reports();
    }

    @Operation(summary = "Read an offer")
    @GetMapping("/{id}")
    Offer get(@PathVariable UUID id) {
        return offers.find(id).orElseThrow(() -> new OfferNotFound(id));
    }

    @Operation(
            summary = "Create an offer",
            description = "Refused with 422 naming each wrong field; an enabled offer that would be shown at the"
                    + " same time as another enabled offer of its slot in a shared language is refused too.")
    @PostMapping
    ResponseEntity<Offer> create(@Valid @RequestBody OfferRequest request) {
        Offer created = offers.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/offers/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Replace an offer", description = "The same checks as a new offer.")
    @PutMapping("/{id}")
    Offer update(@PathVariable UUID id, @Valid @RequestBody OfferRequest request) {
        return offers.update(id, request.draft());
    }
}
