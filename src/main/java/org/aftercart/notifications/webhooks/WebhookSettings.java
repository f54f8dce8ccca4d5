package org.aftercart.notifications.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks ({@code aftercart.notifications.webhooks.*}); retries follow the messages'
 * settings ({@code aftercart.notifications.max-attempts}, {@code first-retry}, {@code max-retry}).
 *
 * @param connectTimeout a connection not made in this time is tried again later
 * @param readTimeout an endpoint that has not answered in this time may have taken the delivery: it
 *     is sent again later with the same {@code webhook-id}
 * @param rotationGrace how long the previous secret keeps signing after a rotation
 * @param endpointsCacheFor how long the list of enabled endpoints is kept in memory; a change made
 *     on another instance is seen after this
 * @param allowPrivateAddresses whether endpoints may be inside a private network (loopback,
 *     RFC 1918 ...); off by default, see {@link WebhookDestinations}
 */
@ConfigurationProperties("aftercart.notifications.webhooks")
record WebhookSettings(
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("PT24H") Duration rotationGrace,
        @DefaultValue("PT10S") Duration endpointsCacheFor,
        @DefaultValue("false") boolean allowPrivateAddresses) {}
