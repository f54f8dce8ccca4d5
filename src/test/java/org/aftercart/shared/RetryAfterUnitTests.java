package org.aftercart.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @ParameterizedTest(name = "Retry-After: \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
            120                           | PT2M
            0                             | PT0S
            ' 30 '                        | PT30S
            Wed, 02 Dec 2026 10:05:00 GMT | PT5M
            Wed, 02 Dec 2026 09:55:00 GMT | none
            -5                            | none
            1.5                           | none
            soon                          | none
            1234567890123                 | none
            ''                            | none
            """)
    void readsSecondsOrAnHttpDate(String header, String expected) {
        assertThat(RetryAfter.parse(header, NOW))
                .isEqualTo(java.util.Optional.ofNullable(expected).map(Duration::parse));
    }
}
