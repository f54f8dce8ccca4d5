package org.aftercart.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantOrderUnitTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            XL,S,M,L,XS               | XS,S,M,L,XL
            xxl,m,xs                  | xs,m,xxl
            44,38,110,36              | 36,38,44,110
            9.5,10,9                  | 9,9.5,10
            Red,Blue,Green            | Blue,Green,Red
            M / Red,S / Red,M / Blue  | S / Red,M / Blue,M / Red
            ONE                       | ONE
            """)
    void sizesComeSmallToLargeNumbersByValueTheRestAlphabetically(String given, String expected) {
        UUID product = UUID.randomUUID();
        var sorted = Arrays.stream(given.split(","))
                .map(options ->
                        new ProductVariant("SKU-" + options, product, "Tee", options, Money.of("10.00", "EUR"), true))
                .sorted(new VariantOrder())
                .map(ProductVariant::optionValues)
                .toList();

        assertThat(sorted).containsExactly(expected.split(","));
    }
}
