package org.aftercart.tracking.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.carriers.CanonicalPayloads;
import org.aftercart.tracking.carriers.UnreadablePayload;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The generic intake for any other carrier or 3PL, under the API (and its API keys): checkpoints in
 * Aftercart's own JSON shape with canonical statuses (see {@link CanonicalPayloads}).
 */
@Tag(name = "Tracking", description = "Carrier checkpoints and parcels")
@RestController
class TrackingEventApiController {

    private final TrackingIntake intake;

    TrackingEventApiController(TrackingIntake intake) {
        this.intake = intake;
    }

    @Operation(
            summary = "Report carrier checkpoints for one or more parcels",
            description = "Events are de-duplicated, so sending the same checkpoints again is harmless."
                    + " Tracking numbers no parcel has yet are kept and apply once such a parcel ships.")
    @PostMapping(path = "/api/v1/tracking-events", consumes = "application/json")
    Receipt report(@RequestBody byte[] body) {
        try {
            return Receipt.of(
                    intake.accept("generic", new String(body, StandardCharsets.UTF_8), CanonicalPayloads.read(body)));
        } catch (UnreadablePayload refused) {
            throw CarrierWebhookProblem.unreadable(refused.getMessage());
        }
    }
}
