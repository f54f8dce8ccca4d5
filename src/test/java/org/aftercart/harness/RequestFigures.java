package org.aftercart.harness;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the clients saw, per kind of request.
 *
 * <p>For the fault harness: requests they wanted answered, HTTP attempts, attempts that got no
 * answer (connection refused or cut, timeout, 5xx: the client cannot know whether it was done), and
 * requests finally accepted (2xx, or a 409 whose effect a read showed to be there already). Reads
 * ({@code GET}) change nothing, so they are left out of these totals.
 *
 * <p>For the load harness: while {@linkplain #startMeasuring() measuring}, every HTTP exchange's
 * latency (HdrHistogram, microseconds, three significant digits) and whether it was a 2xx, another
 * non-5xx answer or a 5xx. Answers that arrive before {@link #startMeasuring()} (the warm-up) or
 * after {@link #stopMeasuring()} (the journeys still under way when the load stops) are not
 * counted there; 5xx answers are counted whenever they come ({@link #serverErrors()}).
 */
final class RequestFigures {

    /** The longest exchange a histogram holds: ten minutes (the client gives up long before). */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private record Counters(AtomicLong requests, AtomicLong attempts, AtomicLong unanswered, AtomicLong accepted) {
        Counters() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    /** One kind's exchanges in the measured period. */
    private record Timings(Histogram latency, AtomicLong ok, AtomicLong otherAnswers, AtomicLong serverErrors) {
        Timings() {
            this(new ConcurrentHistogram(HIGHEST_MICROS, 3), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    private final Map<String, Counters> byKind = new ConcurrentHashMap<>();
    private final Map<String, Timings> timings = new ConcurrentHashMap<>();
    /** 5xx answers are counted among the unanswered, and listed: one may be a bug rather than a kill. */
    private final Map<String, String> serverErrors = new ConcurrentHashMap<>();

    private final AtomicLong serverErrorCount = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private volatile boolean measuring = false;

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

    /** From now on exchanges are timed; what was timed before (the warm-up) is forgotten. */
    void startMeasuring() {
        timings.clear();
        measuring = true;
    }

    /** Exchanges answered from now on are no longer timed. */
    void stopMeasuring() {
        measuring = false;
    }

    /** An HTTP exchange that got an answer with {@code status}, {@code nanos} after it was sent. */
    void answered(String kind, int status, long nanos) {
        answers.incrementAndGet();
        if (!measuring) {
            return;
        }
        Timings t = timings.computeIfAbsent(kind, k -> new Timings());
        t.latency().recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
        if (status / 100 == 2) {
            t.ok().incrementAndGet();
        } else if (status >= 500) {
            t.serverErrors().incrementAndGet();
        } else {
            t.otherAnswers().incrementAndGet();
        }
    }

    /** HTTP answers received so far, measured or not: a number that stops growing means a stall. */
    long answers() {
        return answers.get();
    }

    /** Answers in the measured period that were neither 2xx nor 5xx. */
    long otherAnswers() {
        return timings.values().stream().mapToLong(t -> t.otherAnswers().get()).sum();
    }

    /** Answers of {@code kind} in the measured period that were not 2xx. */
    long notOk(String kind) {
        Timings t = timings.get(kind);
        return t == null ? 0 : t.otherAnswers().get() + t.serverErrors().get();
    }

    private Map<String, Counters> writes() {
        Map<String, Counters> writes = new TreeMap<>(byKind);
        writes.keySet().removeIf(kind -> kind.startsWith("GET "));
        return writes;
    }

    long accepted() {
        return writes().values().stream().mapToLong(c -> c.accepted().get()).sum();
    }

    long requests() {
        return writes().values().stream().mapToLong(c -> c.requests().get()).sum();
    }

    long attempts() {
        return writes().values().stream().mapToLong(c -> c.attempts().get()).sum();
    }

    long unanswered() {
        return writes().values().stream().mapToLong(c -> c.unanswered().get()).sum();
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
        writes().forEach((kind, c) -> out.append(String.format(
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
        appendServerErrors(out);
        return out.toString();
    }

    /**
     * The measured period per kind of request: answers, answers per second over {@code period},
     * latency percentiles in milliseconds, and the answers that were not 2xx.
     */
    String latencyTable(Duration period) {
        double seconds = period.toMillis() / 1000.0;
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "| %-36s | %7s | %7s | %8s | %8s | %8s | %8s | %7s | %4s |%n|%s|--------:|--------:|---------:|---------:|---------:|---------:|--------:|-----:|%n",
                "request",
                "answers",
                "per s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "non-2xx",
                "5xx",
                "-".repeat(38)));
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        long allOther = 0;
        long allServerErrors = 0;
        for (var entry : new TreeMap<>(timings).entrySet()) {
            Timings t = entry.getValue();
            Histogram latency = t.latency().copy();
            all.add(latency);
            allOther += t.otherAnswers().get();
            allServerErrors += t.serverErrors().get();
            out.append(row(
                    entry.getKey(),
                    latency,
                    seconds,
                    t.otherAnswers().get() + t.serverErrors().get(),
                    t.serverErrors().get()));
        }
        out.append(row("all", all, seconds, allOther + allServerErrors, allServerErrors));
        appendServerErrors(out);
        return out.toString();
    }

    private static String row(String kind, Histogram latency, double seconds, long notOk, long serverErrors) {
        return String.format(
                Locale.ROOT,
                "| %-36s | %7d | %7.1f | %8.1f | %8.1f | %8.1f | %8.1f | %7d | %4d |%n",
                kind,
                latency.getTotalCount(),
                latency.getTotalCount() / seconds,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0,
                notOk,
                serverErrors);
    }

    private void appendServerErrors(StringBuilder out) {
        if (serverErrorCount.get() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n%d answers were 5xx (counted as unanswered); first per request:%n",
                    serverErrorCount.get()));
            serverErrors.forEach((kind, answer) ->
                    out.append("- ").append(kind).append(": ").append(answer).append('\n'));
        }
    }
}
