package org.aftercart.faults;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients saw, per kind of request: requests they wanted answered, HTTP attempts, attempts
 * that got no answer (connection refused or cut, timeout, 5xx: the client cannot know whether it was
 * done), and requests finally accepted (2xx, or a 409 whose effect a read showed to be there already).
 */
final class RequestFigures {

    private record Counters(AtomicLong requests, AtomicLong attempts, AtomicLong unanswered, AtomicLong accepted) {
        Counters() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    private final Map<String, Counters> byKind = new ConcurrentHashMap<>();
    /** 5xx answers are counted among the unanswered, and listed: one may be a bug rather than a kill. */
    private final Map<String, String> serverErrors = new ConcurrentHashMap<>();

    private final AtomicLong serverErrorCount = new AtomicLong();

    private Counters of(String kind) {
        return byKind.computeIfAbsent(kind, k -> new Counters());
    }

    void request(String kind) {
        of(kind).requests().incrementAndGet();
    }

    void attempt(String kind) {
        of(kind).attempts().incrementAndGet();
    }

    void unanswered(String kind) {
        of(kind).unanswered().incrementAndGet();
    }

    void serverError(String kind, String answer) {
        serverErrorCount.incrementAndGet();
        serverErrors.putIfAbsent(kind, answer.length() > 300 ? answer.substring(0, 300) + "…" : answer);
    }

    long serverErrors() {
        return serverErrorCount.get();
    }

    void accepted(String kind) {
        of(kind).accepted().incrementAndGet();
    }

    long accepted() {
        return byKind.values().stream().mapToLong(c -> c.accepted().get()).sum();
    }

    long requests() {
        return byKind.values().stream().mapToLong(c -> c.requests().get()).sum();
    }

    long attempts() {
        return byKind.values().stream().mapToLong(c -> c.attempts().get()).sum();
    }

    long unanswered() {
        return byKind.values().stream().mapToLong(c -> c.unanswered().get()).sum();
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "| %-28s | %8s | %8s | %10s | %8s |%n|%s|---------:|---------:|-----------:|---------:|%n",
                "request",
                "requests",
                "attempts",
                "unanswered",
                "accepted",
                "-".repeat(30)));
        new TreeMap<>(byKind)
                .forEach((kind, c) -> out.append(String.format(
                        Locale.ROOT,
                        "| %-28s | %8d | %8d | %10d | %8d |%n",
                        kind,
                        c.requests().get(),
                        c.attempts().get(),
                        c.unanswered().get(),
                        c.accepted().get())));
        out.append(String.format(
                Locale.ROOT,
                "| %-28s | %8d | %8d | %10d | %8d |%n",
                "all",
                requests(),
                attempts(),
                unanswered(),
                accepted()));
        if (serverErrorCount.get() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n%d answers were 5xx (counted as unanswered); first per request:%n",
                    serverErrorCount.get()));
            serverErrors.forEach((kind, answer) ->
                    out.append("- ").append(kind).append(": ").append(answer).append('\n'));
        }
        return out.toString();
    }
}
