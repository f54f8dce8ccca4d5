package org.aftercart.tracking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.tracking.OrderDeliveryStatus;
import org.aftercart.tracking.ShipmentNotFound;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingEventView;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.TrackingStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Parcels as tracking follows them, their timelines, and audited corrections. */
@Tag(name = "Tracking", description = "Carrier checkpoints and parcels")
@RestController
class ShipmentApiController {

    record ShipmentDetail(ShipmentView shipment, List<TrackingEventView> timeline) {}

    record OrderShipments(OrderDeliveryStatus deliveryStatus, List<ShipmentView> shipments) {}

    record Correction(@NotNull TrackingStatus status, @NotBlank @Size(max = 500) String reason) {}

    private final Tracking tracking;
    private final TrackingIntake intake;

    ShipmentApiController(Tracking tracking, TrackingIntake intake) {
        this.tracking = tracking;
        this.intake = intake;
    }

    @Operation(summary = "An order's parcels and its delivery status derived from them")
    @GetMapping("/api/v1/shipments")
    OrderShipments ofOrder(@RequestParam UUID orderId) {
        OrderId order = new OrderId(orderId);
        List<ShipmentView> shipments = tracking.shipmentsOf(order);
        return new OrderShipments(OrderDeliveryStatus.of(shipments), shipments);
    }

    @Operation(summary = "A parcel with its checkpoints, newest first")
    @GetMapping("/api/v1/shipments/{id}")
    ShipmentDetail get(@PathVariable UUID id) {
        ShipmentView shipment = tracking.shipment(id).orElseThrow(() -> new ShipmentNotFound(id));
        return new ShipmentDetail(shipment, tracking.timeline(shipment));
    }

    @Operation(
            summary = "Correct a parcel's status",
            description = "For a carrier's explicit correction or an agent's: sets the status whatever the"
                    + " checkpoints say (even out of delivered) and records who and why.")
    @PostMapping("/api/v1/shipments/{id}/corrections")
    ShipmentView correct(@PathVariable UUID id, @Valid @RequestBody Correction correction, Principal principal) {
        return intake.correct(id, correction.status(), correction.reason(), principal.getName());
    }
}
