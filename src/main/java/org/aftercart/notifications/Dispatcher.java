package org.aftercart.notifications;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages after commit. A round claims a batch (rows other instances hold are skipped),
 * then for each message: routes it, folds the order's other parcels into a digest, renders it,
 * records that an attempt starts, hands it to the channel's provider outside any transaction, and
 * records the outcome. A crash after "attempt starts" leaves the attempt open; when the claim's lease
 * runs out the message is taken again and its provider is told the last attempt may have gone
 * through. Woken by commits that wrote messages, and polling otherwise.
 *
 * <p>A second, express lane takes only messages someone is waiting for at the screen (a sign-in
 * link), so that they never wait for a batch of hundreds of others to be handed over first.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Messages messages;
    private final Routing routing;
    private final MessageComposer composer;
    private final MessageRenderer renderer;
    private final EngagementLinks links;
    private final OrderManagement orders;
    private final Map<String, MessageSender> senders = new HashMap<>();
    private final NotificationSettings settings;
    private final ContactBudget budget;
    private final DispatchSignal signal;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final NotificationMetrics metrics;
    private final Clock clock;

    /**
     * Each lane hands messages over on its own pool of {@code parallelism} platform threads (ADR 33: a
     * hand-over renders templates and may load classes from the jar, which with virtual threads can
     * deadlock on a 2-core machine). The threads are kept between rounds, since starting a platform
     * thread per message cost more than many hand-overs, and end after a minute without work.
     */
    private final ExecutorService handOvers;

    private final ExecutorService expressHandOvers;

    private volatile boolean running;
    private @Nullable Thread loop;
    private @Nullable Thread expressLoop;

    Dispatcher(
            Messages messages,
            Routing routing,
            MessageComposer composer,
            MessageRenderer renderer,
            EngagementLinks links,
            OrderManagement orders,
            List<MessageSender> senders,
            NotificationSettings settings,
            DispatchSignal signal,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            NotificationMetrics metrics,
            Clock clock) {
        this.messages = messages;
        this.routing = routing;
        this.composer = composer;
        this.renderer = renderer;
        this.links = links;
        this.orders = orders;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = settings;
        this.budget = new ContactBudget(settings.contactBudget(), settings.budgetPeriod());
        this.signal = signal;
        this.transactions = transactions;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.handOvers = handOverPool("message-hand-over-", settings.parallelism());
        this.expressHandOvers = handOverPool("express-message-hand-over-", settings.parallelism());
    }

    private static ExecutorService handOverPool(String threadName, int threads) {
        var pool = new ThreadPoolExecutor(
                threads,
                threads,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name(threadName, 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void shutDownHandOvers() {
        handOvers.shutdown();
        expressHandOvers.shutdown();
    }

    @Override
    public void start() {
        if (!settings.dispatch()) {
            log.info("aftercart.notifications.dispatch is off: messages are written but not delivered here.");
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("notifications-dispatcher").daemon().start(this::run);
        expressLoop = Thread.ofPlatform()
                .name("notifications-dispatcher-express")
                .daemon()
                .start(this::runExpress);
    }

    @Override
    public void stop() {
        running = false;
        signal.wake();
        signal.wakeExpress();
        for (Thread thread : java.util.Arrays.asList(loop, expressLoop)) {
            if (thread != null) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (deliverDue() < settings.batchSize()) {
                    signal.await(settings.pollEvery());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Delivering messages failed; trying again shortly", e);
                try {
                    signal.await(settings.pollEvery());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void runExpress() {
        while (running) {
            try {
                if (deliverDue(true) < settings.batchSize()) {
                    signal.awaitExpress(settings.pollEvery());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Delivering express messages failed; trying again shortly", e);
                try {
                    signal.awaitExpress(settings.pollEvery());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * One round: the messages due now, several in flight at once; returns how many were taken.
     * News of one milestone for several parcels of an order, taken together, goes as one digest.
     */
    int deliverDue() throws InterruptedException {
        return deliverDue(false);
    }

    /** One round of the express lane ({@code expressOnly}) or of the main lane (every message). */
    int deliverDue(boolean expressOnly) throws InterruptedException {
        List<Messages.Claimed> batch =
                messages.claimDue(clock.instant(), settings.batchSize(), settings.claimLease(), expressOnly);
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, List<Messages.Claimed>> groups = new LinkedHashMap<>();
        for (Messages.Claimed claimed : batch) {
            groups.computeIfAbsent(digestGroup(claimed.message()), key -> new ArrayList<>())
                    .add(claimed);
        }
        ExecutorService pool = expressOnly ? expressHandOvers : handOvers;
        List<Future<?>> handedOver = new ArrayList<>(groups.size());
        for (List<Messages.Claimed> group : groups.values()) {
            handedOver.add(pool.submit(() -> deliver(group)));
        }
        for (Future<?> handOver : handedOver) {
            try {
                handOver.get();
            } catch (ExecutionException e) {
                // deliver() records what went wrong with each message; this is only what escaped it.
                log.error("A message hand-over failed", e.getCause());
            }
        }
        return batch.size();
    }

    private static String digestGroup(MessageRow message) {
        return !message.webhook() && message.messageKind().parcelMilestone() && message.orderId() != null
                ? message.orderId() + ":" + message.kind()
                : message.id().toString();
    }

    /** Delivers a message, or a digest of the same news for several parcels of one order. */
    void deliver(List<Messages.Claimed> group) {
        MessageRow first = group.getFirst().message();
        try {
            if (first.webhook()) {
                send(
                        group.getFirst(),
                        null,
                        first.channel(),
                        first.recipient(),
                        Locale.ROOT,
                        new MessageRenderer.Rendered(
                                null, null, String.valueOf(first.facts().get("body"))),
                        null);
                return;
            }
            MessageKind kind = first.messageKind();
            // Every message of a group is for the same order, customer and kind: routed alike.
            Optional<OrderView> order =
                    first.orderId() == null ? Optional.empty() : orders.find(new OrderId(first.orderId()));
            switch (routing.route(first, kind, order, clock.instant())) {
                case Routing.Hold hold ->
                    group.forEach(
                            claimed -> messages.holdUntil(claimed.message().id(), hold.until(), hold.reason()));
                case Routing.Close close ->
                    group.forEach(claimed -> close(claimed.message(), close.status(), close.reason()));
                case Routing.Deliver deliver -> compose(group, kind, deliver, order);
            }
        } catch (RuntimeException e) {
            log.error("Message {} could not be prepared", first.id(), e);
            group.forEach(claimed -> messages.holdUntil(
                    claimed.message().id(),
                    clock.instant().plus(settings.backoff(claimed.message().attempts() + 1)),
                    "Aftercart could not prepare it: " + e.getMessage()));
        }
    }

    private void compose(
            List<Messages.Claimed> group, MessageKind kind, Routing.Deliver deliver, Optional<OrderView> order) {
        List<Messages.Claimed> current = new ArrayList<>();
        for (Messages.Claimed claimed : group) {
            if (supersededParcelNews(claimed.message(), kind)) {
                close(claimed.message(), MessageStatus.SUPPRESSED, "Out of date: the parcel has been delivered since.");
            } else if (composer.returnMovedOn(claimed.message(), kind)) {
                close(claimed.message(), MessageStatus.SUPPRESSED, "Out of date: the return has moved on since.");
            } else {
                current.add(claimed);
            }
        }
        if (current.isEmpty()) {
            return;
        }
        Messages.Claimed head = current.getFirst();
        MessageRow message = head.message();
        List<UUID> parcels = new ArrayList<>();
        current.stream()
                .map(claimed -> claimed.message().shipmentId())
                .filter(id -> id != null)
                .forEach(parcels::add);
        if (kind.parcelMilestone() && message.orderId() != null) {
            List<MessageRow> waiting = messages.pendingSiblings(message);
            List<UUID> folded = messages.foldIntoDigest(
                    message.id(),
                    current.subList(1, current.size()).stream()
                            .map(claimed -> claimed.message().id())
                            .toList(),
                    waiting.stream().map(MessageRow::id).toList());
            for (MessageRow sibling : waiting) {
                if (folded.contains(sibling.id()) && sibling.shipmentId() != null) {
                    parcels.add(sibling.shipmentId());
                }
            }
        }
        URI unsubscribe = kind.transactional() ? null : links.unsubscribe(message.id());
        MessageModel model =
                composer.compose(message, order, deliver.customerName(), parcels, unsubscribe, deliver.locale());
        MessageRenderer.Rendered rendered;
        try {
            rendered = renderer.render(deliver.channel(), deliver.locale(), model, message.id());
        } catch (MessageRenderer.MissingTemplate | org.thymeleaf.exceptions.TemplateProcessingException e) {
            close(message, MessageStatus.UNDELIVERABLE, "Its template could not be used: " + e.getMessage());
            return;
        }
        send(
                head,
                deliver.customerId(),
                deliver.channel(),
                deliver.recipient(),
                deliver.locale(),
                rendered,
                unsubscribe);
    }

    /** Out-for-delivery or delayed news held back (quiet hours) is not sent once the parcel arrived. */
    private boolean supersededParcelNews(MessageRow message, MessageKind kind) {
        if (message.shipmentId() == null
                || !(kind.equals(MessageKind.OUT_FOR_DELIVERY) || kind.equals(MessageKind.DELAYED))) {
            return false;
        }
        return composer.parcelDelivered(message.shipmentId());
    }

    private void send(
            Messages.Claimed claimed,
            @Nullable UUID customerId,
            @Nullable String channel,
            @Nullable String recipient,
            Locale locale,
            MessageRenderer.Rendered rendered,
            @Nullable URI unsubscribe) {
        MessageRow message = claimed.message();
        MessageSender sender = channel == null ? null : senders.get(channel);
        if (sender == null || recipient == null) {
            close(message, MessageStatus.UNDELIVERABLE, "No provider is set up for " + channel + " messages.");
            return;
        }
        Optional<Integer> attempt = message.marketing() && customerId != null
                ? startWithinBudget(message, customerId, channel, recipient, rendered.subject(), locale)
                : Optional.of(messages.startAttempt(
                        message.id(), customerId, channel, recipient, rendered.subject(), locale.toLanguageTag()));
        if (attempt.isEmpty()) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        if (unsubscribe != null) {
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        } else if (!message.webhook()) {
            headers.put("Auto-Submitted", "auto-generated");
        }
        OutgoingMessage outgoing = new OutgoingMessage(
                message.id(),
                channel,
                recipient,
                rendered.subject(),
                rendered.html(),
                rendered.text(),
                message.kind(),
                headers,
                attempt.get(),
                claimed.uncertain());
        SendResult result;
        try {
            result = sender.send(outgoing);
        } catch (RuntimeException e) {
            log.warn("The {} provider failed on message {}", channel, message.id(), e);
            result = SendResult.unknown(e.toString());
        }
        record(message, channel, attempt.get(), result);
    }

    /**
     * Starts the attempt of a marketing message only if the customer's contact budget has room,
     * deciding under a lock on the customer so that two dispatchers cannot both take the last place.
     */
    private Optional<Integer> startWithinBudget(
            MessageRow message,
            UUID customerId,
            String channel,
            String recipient,
            @Nullable String subject,
            Locale locale) {
        return transactions.execute(status -> {
            messages.lockCustomer(customerId);
            Instant now = clock.instant();
            Optional<String> refusal =
                    budget.refusal(messages.marketingSince(customerId, now.minus(settings.budgetPeriod())), now);
            if (refusal.isPresent()) {
                messages.close(message.id(), MessageStatus.SUPPRESSED, refusal.get());
                return Optional.empty();
            }
            return Optional.of(messages.startAttempt(
                    message.id(), customerId, channel, recipient, subject, locale.toLanguageTag()));
        });
    }

    private void record(MessageRow message, String channel, int attempt, SendResult result) {
        switch (result.outcome()) {
            case SENT -> {
                transactions.executeWithoutResult(status -> {
                    messages.finishAttempt(message.id(), attempt, result, MessageStatus.SENT, null, null);
                    announceSent(message, channel);
                });
                metrics.attempted(channel, "sent");
            }
            case REJECTED -> {
                transactions.executeWithoutResult(status -> {
                    messages.finishAttempt(
                            message.id(), attempt, result, MessageStatus.UNDELIVERABLE, null, result.detail());
                    announceUndeliverable(message, result.detail());
                });
                metrics.attempted(channel, "undeliverable");
            }
            case RETRY, UNKNOWN -> {
                if (attempt >= settings.maxAttempts()) {
                    transactions.executeWithoutResult(status -> {
                        String reason = "Gave up after " + attempt + " attempts: " + result.detail();
                        messages.finishAttempt(message.id(), attempt, result, MessageStatus.FAILED, null, reason);
                        announceUndeliverable(message, reason);
                    });
                    metrics.attempted(channel, "failed");
                } else {
                    messages.finishAttempt(
                            message.id(),
                            attempt,
                            result,
                            MessageStatus.PENDING,
                            clock.instant().plus(settings.waitBeforeRetry(attempt, result.retryAfter())),
                            result.detail());
                    metrics.attempted(channel, "retry");
                }
            }
        }
    }

    private void close(MessageRow message, MessageStatus status, String reason) {
        transactions.executeWithoutResult(tx -> {
            messages.close(message.id(), status, reason);
            if (status == MessageStatus.UNDELIVERABLE) {
                announceUndeliverable(message, reason);
            }
        });
        metrics.attempted(
                message.webhook() ? MessageRow.WEBHOOK : message.channel(),
                status.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void announceSent(MessageRow message, String channel) {
        if (!message.webhook()) {
            events.publishEvent(new MessageSent(
                    message.id(), message.customerId(), message.orderId(), message.kind(), channel, clock.instant()));
        }
    }

    private void announceUndeliverable(MessageRow message, @Nullable String reason) {
        if (!message.webhook()) {
            events.publishEvent(new MessageUndeliverable(
                    message.id(), message.customerId(), message.orderId(), message.kind(), reason, clock.instant()));
        }
    }
}
