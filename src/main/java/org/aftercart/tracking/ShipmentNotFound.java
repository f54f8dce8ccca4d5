package org.aftercart.tracking;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** No parcel with this id. */
public class ShipmentNotFound extends Problem {

    public ShipmentNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "shipment-not-found", "Shipment not found", "There is no shipment " + id + ".");
    }
}
