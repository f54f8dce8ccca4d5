package org.aftercart.tracking;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How links to the tracking page are signed ({@code aftercart.tracking.*}).
 *
 * @param linkSecret signs new links; when empty, a random secret is made at start-up (with a
 *     warning) and links stop working at the next restart
 * @param previousLinkSecrets secrets that signed earlier links and still open them: put the old
 *     secret here when rotating, remove it once those links may expire
 * @param linkValidity how long a link opens the page
 * @param publicUrl where customers reach this application, for the links put in e-mails
 */
@ConfigurationProperties("aftercart.tracking")
public record TrackingLinkSettings(
        @DefaultValue("") String linkSecret,
        @DefaultValue List<String> previousLinkSecrets,
        @DefaultValue("120d") Duration linkValidity,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public TrackingLinkSettings {
        previousLinkSecrets =
                previousLinkSecrets.stream().filter(secret -> !secret.isBlank()).toList();
        if (linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("aftercart.tracking.link-validity must be positive");
        }
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
