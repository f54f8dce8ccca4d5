package org.aftercart.returns;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ReturnId(@JsonValue UUID id) {

    public static ReturnId of(String id) {
        return new ReturnId(UUID.fromString(id));
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
