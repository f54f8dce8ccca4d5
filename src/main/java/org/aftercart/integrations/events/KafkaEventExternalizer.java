package org.aftercart.integrations.events;

import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.aftercart.platform.OwnPublicationRetries;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the published business events to Kafka after their transaction commits, tracked by Spring
 * Modulith's event publication registry: a publication is complete when the broker acknowledged
 * the record, and one that failed (broker down) is sent again by {@link #resendFailed()} and at
 * start-up. At least once, never lost once committed.
 *
 * <p>Unlike Spring Modulith's own externalizer, which sends from an asynchronous listener (one
 * thread per event, in no particular order), this one hands each event, in the order the
 * committing thread publishes them, to a single sending thread: two events of one transaction
 * (a return requested and approved by rule) or of two quick transactions reach the partition in
 * the order they happened. The request thread never waits for the broker.
 */
class KafkaEventExternalizer implements ConditionalEventListener, OwnPublicationRetries, DisposableBean {

    /** The listener's id in the publication registry; renaming it orphans unsent publications. */
    static final String LISTENER_ID = "org.aftercart.integrations.events.KafkaEventExternalizer";

    private final EventExternalizationConfiguration configuration;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final FailedEventPublications failedPublications;

    /** One thread: the order of hand-over is the order of sending. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kafka-events").daemon().factory());

    /** The registry is written off the producer's network thread, which must never block. */
    private final ExecutorService completions = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("kafka-events-done-", 0).daemon().factory());

    KafkaEventExternalizer(
            EventExternalizationConfiguration configuration,
            KafkaTemplate<String, CloudEvent> kafka,
            FailedEventPublications failedPublications) {
        this.configuration = configuration;
        this.kafka = kafka;
        this.failedPublications = failedPublications;
    }

    @Override
    public boolean supports(Object event) {
        return configuration.supports(event);
    }

    @TransactionalEventListener(id = LISTENER_ID)
    public CompletableFuture<SendResult<String, CloudEvent>> externalize(Object event) {
        if (!configuration.supports(event)) {
            return CompletableFuture.completedFuture(null);
        }
        RoutingTarget target = configuration.determineTarget(event);
        CloudEvent cloudEvent = CloudEventEncoder.encode((BusinessEvent) configuration.map(event));
        var record = new ProducerRecord<>(target.getTarget(), target.getKey(), cloudEvent);
        return CompletableFuture.supplyAsync(() -> kafka.send(record), sender)
                .thenCompose(Function.identity())
                .thenApplyAsync(Function.identity(), completions);
    }

    /** Sends again what the broker did not take (it was down, or timed out). */
    @Scheduled(
            initialDelayString = "${aftercart.events.kafka.retry-every:PT30S}",
            fixedDelayString = "${aftercart.events.kafka.retry-every:PT30S}")
    void resendFailed() {
        failedPublications.resubmit(ResubmissionOptions.defaults().withFilter(this::retriesItself));
    }

    /** For as long as the broker is away, without a cap: a committed event is never dropped. */
    @Override
    public boolean retriesItself(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && target.getTargetIdentifier().getValue().equals(LISTENER_ID);
    }

    @Override
    public void destroy() {
        sender.shutdown();
        completions.shutdown();
    }
}
