package org.aftercart.integrations.shopify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.aftercart.integrations.shopify.WebhookReceipts.Receipt;
import org.aftercart.platform.OwnPublicationRetries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Applies stored Shopify deliveries after the intake committed. Each attempt runs in one
 * transaction that also marks the receipt, so a receipt is applied wholly or not at all:
 *
 * <ul>
 *   <li>applied, or refused for a business reason (order past packing, no usable lines…): the
 *       receipt is processed with what was and was not applied, and never retried;
 *   <li>an error that may pass (the order of a fulfillment has not arrived yet, a lost race, the
 *       database): the receipt records the failure and the attempt, and the listener fails, so the
 *       event publication stays incomplete. It is resubmitted by {@link #retryFailed()} (up to {@link
 *       #MAX_ATTEMPTS} attempts) and on restart.
 * </ul>
 */
@Component
class ShopifyWebhookProcessor implements OwnPublicationRetries {

    static final int MAX_ATTEMPTS = 8;

    /** Lost races (two deliveries creating one order) are retried at once, this often. */
    private static final int IMMEDIATE_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookProcessor.class);

    private final WebhookReceipts receipts;
    private final ShopifyOrderSync sync;
    private final TransactionTemplate transactions;
    private final FailedEventPublications failedPublications;
    private final Duration retryAfter;

    ShopifyWebhookProcessor(
            WebhookReceipts receipts,
            ShopifyOrderSync sync,
            PlatformTransactionManager transactionManager,
            FailedEventPublications failedPublications,
            @Value("${aftercart.shopify.retry-interval:PT5M}") Duration retryAfter) {
        this.receipts = receipts;
        this.sync = sync;
        this.transactions = new TransactionTemplate(transactionManager);
        this.failedPublications = failedPublications;
        this.retryAfter = retryAfter;
    }

    /** Transactions are managed per attempt below, not around the listener. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ShopifyWebhookReceived event) {
        Receipt receipt = receipts.find(event.receiptId()).orElse(null);
        if (receipt == null) {
            log.warn("Shopify receipt {} no longer exists; nothing to apply", event.receiptId());
            return;
        }
        if (receipt.processedAt() != null) {
            return;
        }
        process(receipt);
    }

    private void process(Receipt receipt) {
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = transactions.execute(status -> {
                    Outcome applied = sync.apply(topicOf(receipt), parse(receipt));
                    receipts.complete(
                            receipt.id(),
                            applied.status(),
                            applied.text(),
                            applied.failure(),
                            applied.orderId() == null ? null : applied.orderId().id());
                    return applied;
                });
                log.info(
                        "Shopify {} (receipt {}) {}: {}",
                        receipt.topic(),
                        receipt.id(),
                        outcome.status(),
                        outcome.text().replace('\n', ';'));
                return;
            } catch (ShopifyRefusal e) {
                refuse(receipt, e.getMessage());
                return;
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().is4xxClientError()) {
                    refuse(
                            receipt,
                            e.getBody().getDetail() == null
                                    ? e.getMessage()
                                    : e.getBody().getDetail());
                    return;
                }
                throw fail(receipt, e);
            } catch (ConcurrencyFailureException | DuplicateKeyException e) {
                if (attempt < IMMEDIATE_ATTEMPTS) {
                    continue;
                }
                throw fail(receipt, e);
            } catch (RuntimeException e) {
                throw fail(receipt, e);
            }
        }
    }

    /** Resubmits the failed publications of receipts that have attempts left. */
    @Scheduled(
            initialDelayString = "${aftercart.shopify.retry-interval:PT5M}",
            fixedDelayString = "${aftercart.shopify.retry-interval:PT5M}")
    void retryFailed() {
        retryFailedOlderThan(retryAfter);
    }

    void retryFailedOlderThan(Duration age) {
        failedPublications.resubmit(ResubmissionOptions.defaults()
                .withMinAge(age)
                .withFilter(publication -> publication.getEvent() instanceof ShopifyWebhookReceived received
                        && receipts.attempts(received.receiptId()) < MAX_ATTEMPTS));
    }

    /** By the delivery's own attempt count, kept with its receipt. */
    @Override
    public boolean retriesItself(EventPublication publication) {
        return publication.getEvent() instanceof ShopifyWebhookReceived;
    }

    private void refuse(Receipt receipt, String reason) {
        transactions.executeWithoutResult(status -> receipts.complete(
                receipt.id(), WebhookReceipts.Status.REFUSED, "not applied: " + reason, reason, null));
        log.warn("Shopify {} (receipt {}) refused: {}", receipt.topic(), receipt.id(), reason);
    }

    private RuntimeException fail(Receipt receipt, RuntimeException e) {
        String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        String recorded = failure.length() > 2000 ? failure.substring(0, 2000) + "…" : failure;
        transactions.executeWithoutResult(status -> receipts.recordFailure(receipt.id(), recorded));
        log.warn("Shopify {} (receipt {}) failed, to be retried: {}", receipt.topic(), receipt.id(), failure);
        return e;
    }

    private static ShopifyTopic topicOf(Receipt receipt) {
        return ShopifyTopic.of(receipt.topic())
                .orElseThrow(() -> new ShopifyRefusal("Topic " + receipt.topic() + " is not taken"));
    }

    private static ShopifyPayloads.Payload parse(Receipt receipt) {
        try {
            return ShopifyPayloads.parse(topicOf(receipt), receipt.payload().getBytes(StandardCharsets.UTF_8));
        } catch (ShopifyPayloads.Malformed e) {
            throw new ShopifyRefusal(e.getMessage());
        }
    }
}
