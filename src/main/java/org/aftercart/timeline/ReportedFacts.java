package org.aftercart.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.aftercart.shared.CustomerTimelineEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Any module's event that declares itself a timeline fact ({@link CustomerTimelineEvent}):
 * conversations, notes and whatever comes next, without this module knowing them.
 */
@Component
class ReportedFacts {

    private final TimelineRecorder recorder;

    ReportedFacts(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(CustomerTimelineEvent event) {
        recorder.record(
                eventKey(event),
                event.timelineCustomerId(),
                event.timelineOrderId(),
                event.timelineKind(),
                event.timelineSummary(),
                event.timelineOrderId() == null ? null : TimelineRecorder.order(event.timelineOrderId()),
                event.timelineOccurredAt());
    }

    /**
     * The interface names no id, so the fact is named by everything it says: a redelivery of the
     * same event says the same and is written once; two different facts differ in at least one.
     */
    static String eventKey(CustomerTimelineEvent event) {
        String facts = String.join(
                "\n",
                event.getClass().getName(),
                String.valueOf(event.timelineCustomerId()),
                String.valueOf(event.timelineOrderId()),
                event.timelineKind(),
                event.timelineOccurredAt().toString(),
                event.timelineSummary());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return "reported:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
