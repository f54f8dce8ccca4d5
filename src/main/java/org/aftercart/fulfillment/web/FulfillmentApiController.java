package org.aftercart.fulfillment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.FulfillmentStatus;
import org.aftercart.fulfillment.ParcelView;
import org.aftercart.fulfillment.ShipParcels;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Fulfilment", description = "What a warehouse system or 3PL drives: release, pick, pack, ship")
@RestController
@RequestMapping("/api/v1/fulfillment-orders")
class FulfillmentApiController {

    private final Fulfillment fulfillment;

    FulfillmentApiController(Fulfillment fulfillment) {
        this.fulfillment = fulfillment;
    }

    @Operation(
            summary = "The work queue, oldest first; or, with orderId, that order's fulfilment orders",
            description = "orderId is for systems that know the order (a WMS told of it by a webhook) and"
                    + " need its fulfilment orders, whatever their status.")
    @GetMapping
    List<FulfillmentOrderView> queue(
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable FulfillmentStatus status,
            @RequestParam(defaultValue = "50") int limit) {
        if (orderId != null) {
            return fulfillment.ofOrder(new OrderId(orderId));
        }
        return fulfillment.queue(location, status, limit);
    }

    @GetMapping("/{id}")
    FulfillmentOrderView get(@PathVariable UUID id) {
        return fulfillment.find(id);
    }

    @Operation(summary = "Release to the warehouse before the hold window ends")
    @PostMapping("/{id}/release")
    FulfillmentOrderView release(@PathVariable UUID id) {
        return fulfillment.release(id);
    }

    @PostMapping("/{id}/start-picking")
    FulfillmentOrderView startPicking(@PathVariable UUID id) {
        return fulfillment.startPicking(id);
    }

    @Operation(summary = "Start packing", description = "Closes the order's edit window: later changes get 409.")
    @PostMapping("/{id}/start-packing")
    FulfillmentOrderView startPacking(@PathVariable UUID id, Principal principal) {
        return fulfillment.startPacking(id, principal.getName());
    }

    @Operation(summary = "Record parcels handed to carriers, with the items in each")
    @PostMapping("/{id}/ship")
    List<ParcelView> ship(@PathVariable UUID id, @Valid @RequestBody Shipment shipment, Principal principal) {
        return fulfillment.ship(id, shipment.toCommand(), principal.getName());
    }

    record Shipment(@NotEmpty @Size(max = 50) List<@Valid @NotNull Parcel> parcels) {
        ShipParcels toCommand() {
            return new ShipParcels(parcels.stream()
                    .map(p -> new ShipParcels.Parcel(
                            p.carrier(),
                            p.service(),
                            p.trackingNumber(),
                            p.items().stream()
                                    .map(i -> new ShipParcels.Item(i.orderLineId(), i.quantity()))
                                    .toList()))
                    .toList());
        }
    }

    record Parcel(
            @NotBlank @Size(max = 60) String carrier,
            @Nullable @Size(max = 60) String service,
            @Nullable @Size(max = 60) String trackingNumber,
            @NotEmpty List<@Valid @NotNull Item> items) {}

    record Item(@NotNull UUID orderLineId, @Positive int quantity) {}
}
