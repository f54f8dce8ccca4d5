package org.aftercart.offers;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How links to the thank-you page are signed ({@code aftercart.offers.thank-you.*}). The storefront that
 * builds links itself must know {@code linkSecret} (see {@code docs/thank-you-page.md}).
 *
 * @param linkSecret signs new links; when empty, a random secret is made at start-up (with a warning)
 *     and links stop working at the next restart
 * @param previousLinkSecrets secrets that signed earlier links and still open them, while rotating
 * @param linkValidity how long a link opens the page, in days ({@code 30d}) or any duration
 * @param publicUrl where customers reach this application, for the links in the order API's answer
 */
@ConfigurationProperties("aftercart.offers.thank-you")
public record ThankYouLinkSettings(
        @DefaultValue("") String linkSecret,
        @DefaultValue List<String> previousLinkSecrets,
        @DefaultValue("30d") Duration linkValidity,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public ThankYouLinkSettings {
        previousLinkSecrets =
                previousLinkSecrets.stream().filter(secret -> !secret.isBlank()).toList();
        if (!linkValidity.isPositive()) {
            throw new IllegalArgumentException("aftercart.offers.thank-you.link-validity must be positive");
        }
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
