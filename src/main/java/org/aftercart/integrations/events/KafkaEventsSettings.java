package org.aftercart.integrations.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercart.events.kafka.*}: the business events on Kafka ({@code docs/events.md}). The
 * broker itself is Spring Boot's {@code spring.kafka.*} (bootstrap servers, security, producer).
 *
 * @param enabled publish at all; off by default, and nothing Kafka runs when off
 * @param topic the one topic every type goes to (consumers select by the {@code ce_type} header)
 * @param partitions partitions of the topic when Aftercart creates it (it never changes an existing one)
 * @param replicas its replication factor when Aftercart creates it; 0 leaves it to the broker
 * @param retryEvery how often publications that could not be sent (broker down) are sent again
 */
@ConfigurationProperties("aftercart.events.kafka")
record KafkaEventsSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("aftercart.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("0") short replicas,
        @DefaultValue("PT30S") Duration retryEvery) {}
