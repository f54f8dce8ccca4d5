package org.aftercart.timeline;

import java.time.Instant;
import java.util.Locale;
import org.aftercart.returns.ReturnApproved;
import org.aftercart.returns.ReturnCancelled;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnInTransit;
import org.aftercart.returns.ReturnReceived;
import org.aftercart.returns.ReturnRejected;
import org.aftercart.returns.ReturnRequested;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.ReturnParcelMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Returns and each of their steps, and the movements of the parcel sent back. */
@Component
class ReturnFacts {

    private final TimelineRecorder recorder;
    private final Returns returns;

    ReturnFacts(TimelineRecorder recorder, Returns returns) {
        this.recorder = recorder;
        this.returns = returns;
    }

    @ApplicationModuleListener
    void on(ReturnRequested requested) {
        ReturnView request = requested.request();
        step(
                request,
                "requested",
                "Return " + request.number() + " requested for order " + request.orderNumber() + ", "
                        + request.items().size() + " item(s), " + request.value(),
                requested.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnApproved approved) {
        step(
                approved.request(),
                "approved",
                "Return " + approved.request().number() + " approved by " + approved.actor(),
                approved.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnRejected rejected) {
        step(
                rejected.request(),
                "rejected",
                "Return " + rejected.request().number() + " rejected: " + rejected.reason(),
                rejected.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnCancelled cancelled) {
        step(
                cancelled.request(),
                "cancelled",
                "Return " + cancelled.request().number() + " cancelled: " + cancelled.reason(),
                cancelled.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnInTransit inTransit) {
        step(
                inTransit.request(),
                "in-transit",
                "Return " + inTransit.request().number() + " is on its way back",
                inTransit.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnReceived received) {
        step(
                received.request(),
                "received",
                "Return " + received.request().number() + " received and checked",
                received.occurredAt());
    }

    @ApplicationModuleListener
    void on(ReturnResolved resolved) {
        StringBuilder summary = new StringBuilder("Return " + resolved.returnNumber() + " resolved");
        if (resolved.refunded().isPositive()) {
            summary.append(": refund ").append(resolved.refunded());
        }
        if (resolved.storeCredit().plus(resolved.bonus()).isPositive()) {
            summary.append(": store credit ").append(resolved.storeCredit().plus(resolved.bonus()));
        }
        if (resolved.exchangeOrderNumber() != null) {
            summary.append(": exchange order ").append(resolved.exchangeOrderNumber());
        }
        recorder.record(
                "return:" + resolved.returnId().id() + ":resolved",
                resolved.customerId(),
                resolved.orderId().id(),
                "return.resolved",
                summary.toString(),
                TimelineRecorder.returnRequest(resolved.returnId().id()),
                resolved.resolvedAt());
    }

    /** The parcel's event names only the return: its customer and order are the return's. */
    @ApplicationModuleListener
    void on(ReturnParcelMoved moved) {
        returns.find(new ReturnId(moved.returnId()))
                .ifPresent(request -> recorder.record(
                        "return-parcel:" + moved.parcelId() + ":" + moved.status() + ":"
                                + moved.occurredAt().toEpochMilli(),
                        request.customerId(),
                        request.orderId().id(),
                        "return.parcel",
                        "Return parcel of " + moved.returnNumber() + ": "
                                + moved.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (moved.description() == null ? "" : " — " + moved.description()),
                        TimelineRecorder.returnRequest(moved.returnId()),
                        moved.occurredAt()));
    }

    private void step(ReturnView request, String step, String summary, Instant at) {
        recorder.record(
                "return:" + request.id().id() + ":" + step,
                request.customerId(),
                request.orderId().id(),
                "return." + step,
                summary,
                TimelineRecorder.returnRequest(request.id().id()),
                at);
    }
}
