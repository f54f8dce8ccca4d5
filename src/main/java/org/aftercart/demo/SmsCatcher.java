package org.aftercart.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.aftercart.notifications.MessageSender;
import org.aftercart.notifications.OutgoingMessage;
import org.aftercart.notifications.SendResult;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo's SMS provider: keeps the last texts in memory for the mail catcher page, sends nothing. */
@Component
@Profile("demo")
class SmsCatcher implements MessageSender {

    static final int KEPT = 500;

    private final java.time.Clock clock;
    private final Deque<CaughtMessage> texts = new ArrayDeque<>();
    private long caught;

    SmsCatcher(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "SMS";
    }

    @Override
    public synchronized SendResult send(OutgoingMessage message) {
        caught++;
        List<CaughtMessage.Header> headers = message.headers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(header -> new CaughtMessage.Header(header.getKey(), header.getValue()))
                .toList();
        texts.addFirst(new CaughtMessage(
                "sms-" + caught, "SMS", message.recipient(), null, clock.instant(), null, message.text(), headers));
        if (texts.size() > KEPT) {
            texts.removeLast();
        }
        return SendResult.sent("demo-sms-" + caught);
    }

    /** Newest first. */
    synchronized List<CaughtMessage> texts() {
        return List.copyOf(texts);
    }
}
