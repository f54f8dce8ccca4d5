package org.aftercart.customers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record CustomerId(@JsonValue UUID id) {

    public static CustomerId of(String id) {
        return new CustomerId(UUID.fromString(id));
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
