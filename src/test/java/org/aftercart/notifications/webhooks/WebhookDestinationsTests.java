package org.aftercart.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookDestinationsTests {

    private static WebhookDestinations destinations(boolean allowPrivateAddresses) {
        return new WebhookDestinations(new WebhookSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                allowPrivateAddresses));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            http://127.0.0.1:5432/                      | loopback
            http://localhost/hooks                      | loopback by name
            http://0.0.0.0/                             | unspecified
            http://10.1.2.3/hooks                       | RFC 1918
            http://172.16.0.9/                          | RFC 1918
            https://192.168.1.20/hooks                  | RFC 1918
            http://169.254.169.254/latest/meta-data/    | cloud metadata, link-local
            http://100.64.0.1/                          | carrier-grade NAT
            http://[::1]/                               | IPv6 loopback
            http://[fd12:3456::1]/                      | IPv6 unique local
            http://[fe80::1]/                           | IPv6 link-local
            http://224.0.0.1/                           | multicast
            """)
    void refusesAddressesInsideAPrivateNetwork(String url, String what) {
        var refusal = destinations(false).refusal(URI.create(url));

        assertThat(refusal).hasValueSatisfying(it -> {
            assertThat(it.unresolved()).isFalse();
            assertThat(it.reason()).contains("private network", "allow-private-addresses");
        });
    }

    @ParameterizedTest
    @CsvSource({"https://93.184.215.14/hooks", "http://8.8.8.8:8080/", "https://[2606:4700:4700::1111]/hooks"})
    void letsPublicAddressesThrough(String url) {
        assertThat(destinations(false).refusal(URI.create(url))).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedAsUnresolved() {
        var refusal = destinations(false).refusal(URI.create("https://no-such-host.invalid/hooks"));

        assertThat(refusal).hasValueSatisfying(it -> assertThat(it.unresolved()).isTrue());
    }

    @Test
    void privateAddressesAreAllowedWhenTheMerchantSaysSo() {
        assertThat(destinations(true).refusal(URI.create("http://127.0.0.1:8080/hooks")))
                .isEmpty();
    }
}
