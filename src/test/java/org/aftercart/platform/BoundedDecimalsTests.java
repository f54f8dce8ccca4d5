package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundedDecimalsTests {

    @ParameterizedTest
    @CsvSource({
        "0, 1",
        "12.50, 4",
        "0.005, 4",
        "1E+3, 4",
        "1E+999999999, 1000000000",
        "1E-999999999, 1000000000",
        "1E+2147483647, 2147483648",
        "-1E-2147483647, 2147483648"
    })
    void countsTheDigitsOfANumberWrittenWithoutExponent(String number, long digits) {
        assertThat(BoundedDecimals.digitsWrittenOut(new BigDecimal(number))).isEqualTo(digits);
    }
}
