package org.aftercart.integrations.shopify;

import java.util.ArrayList;
import java.util.List;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;

/** What applying one receipt did, did not do and had to decide; written on the receipt. */
final class Outcome {

    private @Nullable OrderId orderId;
    private final List<String> applied = new ArrayList<>();
    private final List<String> notApplied = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void order(OrderId orderId) {
        this.orderId = orderId;
    }

    @Nullable
    OrderId orderId() {
        return orderId;
    }

    void applied(String what) {
        applied.add(what);
    }

    void notApplied(String what) {
        notApplied.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    void notes(List<String> what) {
        notes.addAll(what);
    }

    List<String> appliedItems() {
        return List.copyOf(applied);
    }

    List<String> notAppliedItems() {
        return List.copyOf(notApplied);
    }

    /** Refused when something was asked and none of it could be done; partial when some of it could. */
    WebhookReceipts.Status status() {
        if (notApplied.isEmpty()) {
            return WebhookReceipts.Status.PROCESSED;
        }
        return applied.isEmpty() ? WebhookReceipts.Status.REFUSED : WebhookReceipts.Status.PARTIALLY_APPLIED;
    }

    @Nullable
    String failure() {
        return status() == WebhookReceipts.Status.REFUSED ? String.join("; ", notApplied) : null;
    }

    String text() {
        List<String> lines = new ArrayList<>();
        applied.forEach(line -> lines.add("applied: " + line));
        notApplied.forEach(line -> lines.add("not applied: " + line));
        notes.forEach(line -> lines.add("note: " + line));
        return lines.isEmpty() ? "nothing to do" : String.join("\n", lines);
    }
}
