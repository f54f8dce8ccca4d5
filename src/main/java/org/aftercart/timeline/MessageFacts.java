package org.aftercart.timeline;

import java.util.Locale;
import org.aftercart.notifications.MessageEngaged;
import org.aftercart.notifications.MessageSent;
import org.aftercart.notifications.MessageUndeliverable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Messages to the customer: sent, first opened, first clicked, bounced or undeliverable. */
@Component
class MessageFacts {

    private final TimelineRecorder recorder;

    MessageFacts(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(MessageSent sent) {
        recorder.record(
                "message:" + sent.messageId() + ":sent",
                sent.customerId(),
                sent.orderId(),
                "message.sent",
                "Message \"" + readable(sent.kind()) + "\" sent by "
                        + sent.channel().toLowerCase(Locale.ROOT),
                TimelineRecorder.message(sent.messageId()),
                sent.at());
    }

    @ApplicationModuleListener
    void on(MessageEngaged engaged) {
        String what = engaged.clicked() ? "clicked" : "opened";
        recorder.record(
                "message:" + engaged.messageId() + ":" + what,
                engaged.customerId(),
                engaged.orderId(),
                "message." + what,
                "Message \"" + readable(engaged.kind()) + "\" " + what,
                TimelineRecorder.message(engaged.messageId()),
                engaged.at());
    }

    @ApplicationModuleListener
    void on(MessageUndeliverable undeliverable) {
        recorder.record(
                "message:" + undeliverable.messageId() + ":undeliverable",
                undeliverable.customerId(),
                undeliverable.orderId(),
                "message.undeliverable",
                "Message \"" + readable(undeliverable.kind()) + "\" did not reach the customer"
                        + (undeliverable.reason() == null ? "" : ": " + undeliverable.reason()),
                TimelineRecorder.message(undeliverable.messageId()),
                undeliverable.at());
    }

    /** ORDER_CONFIRMED → order confirmed. */
    private static String readable(String kind) {
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
