package org.aftercart.platform;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as a malformed body (400 problem), a decimal in a JSON request that would be more digits
 * written out than the parser lets a number be written ({@code StreamReadConstraints}, 1000 by
 * default): {@code 1e999999999} is short to send, but spelling it out or rescaling it (an amount
 * check, a message naming it) builds a number of a billion digits, minutes of work and a gigabyte
 * of memory for one field. Checked where every request body is read, so no endpoint depends on
 * checking it itself.
 */
final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

    /** The module the application's JSON mapper registers (a bean of {@link PlatformConfiguration}). */
    static SimpleModule module() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimals());
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        BigDecimal value = super.deserialize(parser, context);
        int limit = parser.streamReadConstraints().getMaxNumberLength();
        if (value != null && digitsWrittenOut(value) > limit) {
            return (BigDecimal) context.handleWeirdNumberValue(
                    BigDecimal.class, value, "more than " + limit + " digits when written out");
        }
        return value;
    }

    /** How many digits the number has written without an exponent, in long arithmetic (scale is an int). */
    static long digitsWrittenOut(BigDecimal value) {
        long precision = value.precision();
        long scale = value.scale();
        return scale >= 0 ? Math.max(precision, scale + 1) : precision - scale;
    }
}
