package org.aftercart.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MoneyUnitTests {

    @Test
    void keepsAmountsAtTheCurrencysMinorUnits() {
        assertThat(Money.of("12.5", "EUR").amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("1200", "JPY").amount().toPlainString()).isEqualTo("1200");
        assertThat(Money.of("1.250", "KWD").amount().toPlainString()).isEqualTo("1.250");
        assertThat(Money.of("12.5000", "GBP")).isEqualTo(Money.of("12.50", "GBP"));
    }

    @Test
    void addsExactly() {
        Money sum = Money.zero(Money.currency("EUR"));
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10", "EUR"));
        }
        assertThat(sum).isEqualTo(Money.of("1.00", "EUR"));
        assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
    }

    @Test
    void refusesWhatIsNotMoney() {
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessageContaining("Unknown ISO 4217 currency 'XYZ'");
        assertThatThrownBy(() -> Money.of("1", "eur")).hasMessageContaining("ISO 4217 code");
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "GBP")))
                .hasMessageContaining("Cannot combine EUR with GBP");
    }

    /** Found by fuzzing the Shopify webhook: rescaling a price of 1E+999999999 took 30 to 50 seconds. */
    @Test
    @Timeout(5)
    void refusesAmountsTheDatabaseCannotKeepWithoutExpandingThem() {
        assertThat(Money.of("999999999999999.99", "EUR").amount().toPlainString())
                .isEqualTo("999999999999999.99");
        assertThatThrownBy(() -> Money.of("1000000000000000", "EUR"))
                .hasMessageContaining("at most 15 digits before the decimal point");
        assertThatThrownBy(() -> Money.of("1e999999999", "EUR")).hasMessageContaining("got 1E+999999999");
        assertThatThrownBy(() -> Money.of("1e-999999999", "EUR")).hasMessageContaining("at most 2 decimals");
        assertThat(Money.of("1.00000000000000000000", "EUR")).isEqualTo(Money.of("1", "EUR"));
    }
}
