package org.aftercart.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.privacy.Erasure;
import org.aftercart.privacy.PersonalDataRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy", description = "A customer's personal data: download it all, or have it erased")
@RestController
@RequestMapping("/api/v1/customers/{id}")
class PersonalDataApiController {

    /**
     * @param reason why the customer's data is erased, for the record (e.g. "customer's e-mail of
     *     2 December"); no personal data, at most 500 characters
     */
    record ErasureRequest(@Nullable String reason) {}

    private final PersonalDataRequests requests;

    PersonalDataApiController(PersonalDataRequests requests) {
        this.requests = requests;
    }

    @Operation(
            summary = "Everything Aftercart holds about the customer",
            description = "One JSON document, format aftercart-personal-data version 1 (docs/privacy.md): a section"
                    + " per module (profile and preferences, orders with lines and journal, parcels and tracking,"
                    + " messages, returns, wallet, payments, storefront webhooks).")
    @GetMapping(value = "/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        byte[] document = requests.export(new CustomerId(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("personal-data-" + id + ".json")
                                .build()
                                .toString())
                .body(document);
    }

    @Operation(
            summary = "Erase the customer's personal data in every module",
            description = "All or nothing: names, e-mail, phone, addresses and free text are removed, photos deleted,"
                    + " queued messages cancelled; order numbers, amounts, taxes and the wallet ledger stay. 409 with"
                    + " the reasons while something under way needs the data (an open return, a store-credit hold, an"
                    + " order not shipped yet). Erasing again answers the first erasure's record.")
    @PostMapping("/erasure")
    Erasure erase(
            @PathVariable UUID id, @RequestBody(required = false) @Nullable ErasureRequest request, Principal caller) {
        return requests.erase(new CustomerId(id), caller.getName(), request == null ? null : request.reason());
    }
}
