package org.aftercart.integrations.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The business events on Kafka, only when {@code aftercart.events.kafka.enabled=true}: without it
 * no listener is registered, so no event publication is kept for Kafka and no producer starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aftercart.events.kafka.enabled")
@EnableConfigurationProperties(KafkaEventsSettings.class)
class KafkaEventsConfiguration {

    /** Spring Modulith's externalisation, configured by code: which events, what they become, where. */
    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(KafkaEventsSettings settings) {
        return EventExternalizationConfiguration.externalizing()
                .select(BusinessEventMapping::isPublished)
                .mapping(BusinessEventMapping::map)
                // Routed by what the event became (routeMapped applies the router to the mapped event):
                // the key is the business event's, the order id.
                .routeAll(mapped -> RoutingTarget.forTarget(settings.topic()).andKey(((BusinessEvent) mapped).key()))
                .routeMapped()
                .build();
    }

    /** Spring Boot's producer settings ({@code spring.kafka.*}), with CloudEvents in binary mode. */
    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventTemplate(ProducerFactory<?, ?> bootProducerFactory) {
        @SuppressWarnings("unchecked")
        ProducerFactory<String, CloudEvent> factory =
                (ProducerFactory<String, CloudEvent>) bootProducerFactory.copyWithConfigurationOverride(Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    KafkaEventExternalizer kafkaEventExternalizer(
            EventExternalizationConfiguration configuration,
            KafkaTemplate<String, CloudEvent> cloudEventTemplate,
            FailedEventPublications failedPublications) {
        return new KafkaEventExternalizer(configuration, cloudEventTemplate, failedPublications);
    }

    /** Created when missing (never changed when present); ops may create it beforehand instead. */
    @Bean
    NewTopic businessEventsTopic(KafkaEventsSettings settings) {
        return new NewTopic(
                settings.topic(),
                Optional.of(settings.partitions()),
                settings.replicas() > 0 ? Optional.of(settings.replicas()) : Optional.empty());
    }
}
