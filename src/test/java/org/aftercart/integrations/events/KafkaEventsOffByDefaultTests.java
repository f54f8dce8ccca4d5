package org.aftercart.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Without {@code aftercart.events.kafka.enabled} nothing of Kafka runs: no externalizer (so no
 * event publication is kept for it), no topic to create, no producer. The application's default
 * context, shared with the other tests that use it.
 */
@SpringBootTest
class KafkaEventsOffByDefaultTests {

    @Autowired
    ApplicationContext context;

    @Test
    void nothingIsPublishedToKafkaUnlessItIsTurnedOn() {
        assertThat(context.getBeansOfType(KafkaEventExternalizer.class)).isEmpty();
        assertThat(context.getBeansOfType(NewTopic.class)).isEmpty();
    }
}
