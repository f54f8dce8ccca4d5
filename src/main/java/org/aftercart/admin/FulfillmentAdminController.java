package org.aftercart.admin;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.ShipParcels;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of an order's fulfilment orders: each calls the fulfillment module and goes back to
 * the order with what happened, or with the module's reason for refusing.
 */
@Controller
@RequestMapping("/admin/orders/{orderId}/fulfillment-orders/{id}")
class FulfillmentAdminController {

    static final int MAX_FIELD_LENGTH = 60;

    private final Fulfillment fulfillment;
    private final ConsoleText text;

    FulfillmentAdminController(Fulfillment fulfillment, ConsoleText text) {
        this.fulfillment = fulfillment;
        this.text = text;
    }

    @PostMapping("/release")
    String release(@PathVariable UUID orderId, @PathVariable UUID id, RedirectAttributes redirect) {
        return step(orderId, id, redirect, "fulfillment.released", () -> fulfillment.release(id));
    }

    @PostMapping("/start-picking")
    String startPicking(@PathVariable UUID orderId, @PathVariable UUID id, RedirectAttributes redirect) {
        return step(orderId, id, redirect, "fulfillment.picking-started", () -> fulfillment.startPicking(id));
    }

    @PostMapping("/start-packing")
    String startPacking(
            @PathVariable UUID orderId, @PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        return step(
                orderId,
                id,
                redirect,
                "fulfillment.packing-started",
                () -> fulfillment.startPacking(id, ConsoleActor.of(principal)));
    }

    /** Ships every unit still on the fulfilment order in one parcel. */
    @PostMapping("/ship")
    String ship(
            @PathVariable UUID orderId,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String carrier,
            @RequestParam(defaultValue = "") String trackingNumber,
            Principal principal,
            RedirectAttributes redirect) {
        String carrierName = carrier.strip();
        @Nullable String tracking = trackingNumber.isBlank() ? null : trackingNumber.strip();
        if (carrierName.isEmpty()
                || carrierName.length() > MAX_FIELD_LENGTH
                || (tracking != null && tracking.length() > MAX_FIELD_LENGTH)) {
            Flash.error(redirect, text.get("fulfillment.ship.invalid", MAX_FIELD_LENGTH));
            return OrderAdminController.redirectTo(orderId);
        }
        return step(orderId, id, redirect, "fulfillment.shipped", () -> {
            FulfillmentOrderView fo = fulfillment.find(id);
            List<ShipParcels.Item> items = fo.lines().stream()
                    .filter(line -> line.quantity() > line.shipped())
                    .map(line -> new ShipParcels.Item(line.orderLineId(), line.quantity() - line.shipped()))
                    .toList();
            var parcel = new ShipParcels.Parcel(carrierName, null, tracking, items);
            return fulfillment.ship(id, new ShipParcels(List.of(parcel)), ConsoleActor.of(principal));
        });
    }

    private String step(UUID orderId, UUID id, RedirectAttributes redirect, String doneKey, Supplier<?> action) {
        try {
            FulfillmentOrderView fo = fulfillment.find(id);
            if (!fo.orderId().equals(orderId)) {
                Flash.error(redirect, text.get("fulfillment.not-of-order"));
                return OrderAdminController.redirectTo(orderId);
            }
            action.get();
            Flash.success(redirect, text.get(doneKey, fo.locationCode()));
        } catch (ErrorResponseException e) {
            Flash.error(redirect, text.problem(e));
        }
        return OrderAdminController.redirectTo(orderId);
    }
}
