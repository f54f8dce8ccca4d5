package org.aftercart.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record OrderId(@JsonValue UUID id) {

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
