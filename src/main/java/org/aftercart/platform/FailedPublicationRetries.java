package org.aftercart.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again, while the instance is up, the module events whose after-commit listener failed or
 * whose instance died while handling them, instead of only when an instance starts. Spring
 * Modulith's staleness monitor marks a publication left published, processing or resubmitted too
 * long as failed ({@code spring.modulith.events.staleness.*}); this job resubmits failed ones with
 * a growing pause ({@code retry-after} times the attempts so far) until it has had {@code
 * max-attempts} attempts in all, the first included. A listener that fails for good (a bug, data it
 * cannot take) then stays failed, counted by the {@code aftercart.events.incomplete} gauge, for an
 * operator to look at, instead of running forever. Resubmission claims each publication in the registry, so with several instances
 * each one runs once.
 */
@Component
class FailedPublicationRetries {

    private final FailedEventPublications failed;
    private final List<OwnPublicationRetries> ownRetries;
    private final Clock clock;
    private final Duration retryAfter;
    private final int maxAttempts;

    FailedPublicationRetries(
            FailedEventPublications failed,
            List<OwnPublicationRetries> ownRetries,
            Clock clock,
            @Value("${aftercart.events.retry-after:PT1M}") Duration retryAfter,
            @Value("${aftercart.events.max-attempts:6}") int maxAttempts) {
        this.failed = failed;
        this.ownRetries = ownRetries;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(
            initialDelayString = "${aftercart.events.retry-every:PT30S}",
            fixedDelayString = "${aftercart.events.retry-every:PT30S}")
    void retryFailed() {
        Instant now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(p -> due(p, now)));
    }

    private boolean due(EventPublication publication, Instant now) {
        if (ownRetries.stream().anyMatch(own -> own.retriesItself(publication))) {
            return false;
        }
        int attempts = publication.getCompletionAttempts();
        if (attempts >= maxAttempts) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !last.plus(retryAfter.multipliedBy(Math.max(1, attempts))).isAfter(now);
    }
}
