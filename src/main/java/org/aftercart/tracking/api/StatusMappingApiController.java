package org.aftercart.tracking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.aftercart.tracking.StatusMappings;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's own mapping of single carrier codes, over the built-in table (ADR 13). */
@Tag(name = "Tracking", description = "Carrier checkpoints and parcels")
@RestController
class StatusMappingApiController {

    record MappingOverride(
            @NotBlank @Size(max = 50) String vocabulary,
            @NotBlank @Size(max = 200) String code,
            @Nullable @Size(max = 200) String detail,
            @NotNull TrackingStatus status) {}

    private final StatusMappings mappings;

    StatusMappingApiController(StatusMappings mappings) {
        this.mappings = mappings;
    }

    @Operation(summary = "The merchant's overrides of carrier codes")
    @GetMapping("/api/v1/tracking/status-mappings")
    List<StatusMappings.Override> overrides() {
        return mappings.overrides();
    }

    @Operation(
            summary = "Map one carrier code to a canonical status",
            description = "Applies to checkpoints taken in from now on (with their detail, or to the code whatever"
                    + " its detail when none is given); stored events keep the status they were mapped to.")
    @PutMapping("/api/v1/tracking/status-mappings")
    StatusMappings.Mapped override(@Valid @RequestBody MappingOverride mapping, Principal principal) {
        if (!mappings.knows(mapping.vocabulary())) {
            throw new UnknownVocabulary(mapping.vocabulary());
        }
        mappings.override(
                new StatusMappings.Override(mapping.vocabulary(), mapping.code(), mapping.detail(), mapping.status()),
                principal.getName());
        return mappings.map(mapping.vocabulary(), mapping.code(), mapping.detail());
    }
}
