package org.aftercart.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "How customers want to be reached")
@RestController
@RequestMapping("/api/v1/customers/{id}/contact-preferences")
class ContactPreferencesApiController {

    /**
     * @param channelByKind a channel per kind of message (e.g. {@code "out-for-delivery": "SMS"})
     * @param quietHoursStart with {@code quietHoursEnd}: the customer's own quiet hours ("21:30"), or
     *     both left out for the shop's
     * @param timeZone an IANA time zone such as {@code Europe/Paris}
     */
    record Preferences(
            @NotNull ContactChannel preferredChannel,
            @Nullable Map<String, ContactChannel> channelByKind,
            boolean marketingConsent,
            @Nullable LocalTime quietHoursStart,
            @Nullable LocalTime quietHoursEnd,
            @Nullable String timeZone,
            @Nullable String language) {

        static Preferences of(ContactPreferences preferences) {
            return new Preferences(
                    preferences.preferredChannel(),
                    preferences.channelByKind(),
                    preferences.marketingConsent(),
                    preferences.quietHoursStart(),
                    preferences.quietHoursEnd(),
                    preferences.timeZone() == null
                            ? null
                            : preferences.timeZone().getId(),
                    preferences.language());
        }
    }

    private final Customers customers;

    ContactPreferencesApiController(Customers customers) {
        this.customers = customers;
    }

    @Operation(summary = "How the customer wants to be reached")
    @GetMapping
    Preferences get(@PathVariable UUID id) {
        return customers
                .contactPreferences(new CustomerId(id))
                .map(Preferences::of)
                .orElseThrow(() -> new CustomerNotFound(new CustomerId(id)));
    }

    @Operation(
            summary = "Replace how the customer wants to be reached",
            description = "Channel per kind of message, marketing consent, quiet hours, time zone and language.")
    @PutMapping
    Preferences put(@PathVariable UUID id, @Valid @RequestBody Preferences request) {
        if ((request.quietHoursStart() == null) != (request.quietHoursEnd() == null)) {
            throw new InvalidContactPreferences("Give both quietHoursStart and quietHoursEnd, or neither.");
        }
        ZoneId zone = null;
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone());
            } catch (DateTimeException unknown) {
                throw new InvalidContactPreferences(
                        "'" + request.timeZone() + "' is not a time zone; use an IANA name such as Europe/Paris.");
            }
        }
        String language = request.language() == null ? "en" : request.language();
        if (!Languages.isSupported(Locale.forLanguageTag(language))) {
            throw new InvalidContactPreferences("Messages are written in "
                    + Languages.SUPPORTED.stream().map(Locale::getLanguage).toList() + "; '" + language
                    + "' is not one of them.");
        }
        Map<String, ContactChannel> byKind = request.channelByKind() == null ? Map.of() : request.channelByKind();
        byKind.keySet().forEach(kind -> {
            if (!kind.matches("[a-z][a-z0-9-]{0,62}")) {
                throw new InvalidContactPreferences("'" + kind + "' is not a kind of message.");
            }
        });
        ContactPreferences saved = customers.updateContactPreferences(
                new CustomerId(id),
                new ContactPreferences(
                        request.preferredChannel(),
                        byKind,
                        request.marketingConsent(),
                        request.quietHoursStart(),
                        request.quietHoursEnd(),
                        zone,
                        language));
        return Preferences.of(saved);
    }
}
