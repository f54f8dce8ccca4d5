package org.aftercart.harness;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.aftercart.notifications.WebhookReceiver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load harness: one Aftercart instance from its packaged jar, with the JVM options an operator
 * uses, under a mixed workload for a bounded time, and the figures of it. PostgreSQL (embedded),
 * the SMTP server and the merchant's webhook endpoint live in this JVM, as in {@link FaultHarness};
 * nothing is killed.
 *
 * <p>The workload: {@code journeyClients} clients run whole {@link Journeys} in a closed loop (each
 * starts its next journey when the last one ended: orders, fulfilment, carrier webhooks, returns
 * with refunds and store credit), and {@code pageViewers} customers read their pages
 * ({@link PageViewers}). After a warm-up that is not measured, every request's latency is recorded
 * for the measured period; the message backlog is read from the database every second throughout
 * ({@link BacklogSampler}), and after the load stops, until it drained.
 *
 * <p>Not a test: {@code bench/load.sh} (or {@code ./mvnw -Pload package -DskipTests}) runs it.
 * Arguments: the jar, the output folder, the shared payload folder, measured seconds, journey
 * clients, page viewers, warm-up seconds, the viewers' pause between pages in milliseconds,
 * settings for the instance (space-separated, {@code -} for none), and {@code extracted} to start
 * the instance from the extracted jar instead of the packaged one ({@code jar}).
 * Exits non-zero when a request was answered 5xx, a journey failed, a page did not open or the
 * backlog did not drain, so that a wrong run cannot pass for a good one.
 */
public final class LoadHarness {

    private static final Duration DRAIN_AT_MOST = Duration.ofMinutes(5);
    /** No answer to any request for this long while the load runs: the instance is stuck. */
    private static final Duration STALL_AFTER = Duration.ofSeconds(60);
    /** Nothing is killed here: a request without an answer for this long has failed. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final StringBuilder report = new StringBuilder();
    private final Path out;
    private boolean stalled;

    private LoadHarness(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        var arguments = HarnessArguments.of(args);
        Path jar = arguments.path(0, "target/aftercart.jar");
        Path out = arguments.path(1, "target/load");
        Path payloads = arguments.path(2, "../shared/data/payloads");
        Duration measured = arguments.seconds(3, 120);
        int journeyClients = arguments.count(4, 8);
        int pageViewers = arguments.count(5, 8);
        Duration warmUp = arguments.seconds(6, 30);
        Duration pause = arguments.millis(7, 200);
        String appArgumentLine = arguments.text(8, "");
        List<String> appArguments = appArgumentLine.isEmpty() ? List.of() : List.of(appArgumentLine.split("\\s+"));
        boolean extracted = arguments.text(9, "").equals("extracted");
        Files.createDirectories(out);
        for (String noisy : List.of("com.icegreen", "io.zonky")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        LoadHarness harness = new LoadHarness(out);
        boolean failed = harness.run(
                extracted ? extract(jar, out.resolve("app")) : jar,
                extracted,
                new CarrierPayloads(payloads),
                measured,
                journeyClients,
                pageViewers,
                warmUp,
                pause,
                appArguments);
        Files.writeString(out.resolve("summary.md"), harness.report);
        System.exit(failed ? 1 : 0);
    }

    private boolean run(
            Path jar,
            boolean extracted,
            CarrierPayloads payloads,
            Duration measured,
            int journeyClients,
            int pageViewers,
            Duration warmUp,
            Duration pause,
            List<String> appArguments)
            throws Exception {
        line("# Mixed workload (load harness)%n");
        line(
                "%s; %d s measured after %d s of warm-up; %d journey clients (closed loop, no pause), %d page"
                        + " viewers (%.0f %% tracking page, the rest thank-you page, %d ms between pages)",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                measured.toSeconds(),
                warmUp.toSeconds(),
                journeyClients,
                pageViewers,
                PageViewers.TRACKING_SHARE * 100,
                pause.toMillis());
        line("machine: %s", machine());
        try (EmbeddedPostgres postgres = HarnessSetUp.postgres(out)) {
            DataSource database = HarnessSetUp.database(postgres, "load");
            GreenMail smtp = HarnessSetUp.smtp();
            try (AutoCloseable stopSmtp = smtp::stop;
                    WebhookReceiver receiver = new WebhookReceiver()) {
                AftercartProcess app = HarnessSetUp.instance(
                        "load", jar, out, AftercartProcess.OPERATOR_JVM_OPTIONS, postgres, "load", smtp, appArguments);
                line(
                        "started from %s%nJVM: %s %s, options %s%s; PostgreSQL %s (embedded; fsync %s, synchronous_commit %s)",
                        extracted
                                ? "the extracted jar (java -Djarmode=tools -jar aftercart.jar extract)"
                                : "the packaged jar (java -jar aftercart.jar)",
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        String.join(" ", app.jvmOptions()),
                        appArguments.isEmpty() ? "" : "; application arguments " + String.join(" ", appArguments),
                        JdbcClient.create(database)
                                .sql("show server_version")
                                .query(String.class)
                                .single(),
                        JdbcClient.create(database)
                                .sql("show fsync")
                                .query(String.class)
                                .single(),
                        JdbcClient.create(database)
                                .sql("show synchronous_commit")
                                .query(String.class)
                                .single());
                line(
                        "start-up to ready (migrations on an empty database): %.1f s",
                        app.start().toMillis() / 1000.0);
                HarnessSetUp.seed(JdbcClient.create(database));
                RequestFigures figures = new RequestFigures();
                RetryingClient client =
                        new RetryingClient(List.of(app.baseUrl()), HarnessSetUp.API_KEY, figures, GIVE_UP_AFTER);
                HarnessSetUp.registerEndpoint(client, receiver);
                try (BacklogSampler backlog = new BacklogSampler(database);
                        ShippedMailLinks links = new ShippedMailLinks(smtp)) {
                    Journeys journeys = new Journeys(client, payloads, HarnessSetUp.SKU, false);
                    boolean failed = drive(
                            app,
                            figures,
                            journeys,
                            new PageViewers(client, links, journeys, pause),
                            links,
                            backlog,
                            journeyClients,
                            pageViewers,
                            warmUp,
                            measured,
                            out.resolve("postgres"),
                            JdbcClient.create(database));
                    backlog.writeCsv(out.resolve("backlog.csv"));
                    app.stop();
                    return failed;
                }
            }
        }
    }

    private boolean drive(
            AftercartProcess app,
            RequestFigures figures,
            Journeys journeys,
            PageViewers viewers,
            ShippedMailLinks links,
            BacklogSampler backlog,
            int journeyClients,
            int pageViewers,
            Duration warmUp,
            Duration measured,
            Path postgresData,
            JdbcClient jdbc)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        backlog.phase("warm-up");
        long loadStopped;
        Window window;
        try (ExecutorService load = Executors.newFixedThreadPool(2)) {
            Future<?> driving = load.submit(() -> {
                journeys.drive(journeyClients, stop::get);
                return null;
            });
            Future<?> viewing = load.submit(() -> {
                viewers.view(pageViewers, stop::get);
                return null;
            });
            runFor(warmUp, figures, app);
            figures.startMeasuring();
            backlog.phase("measured");
            Cpu before = Cpu.now(app, postgresData);
            long from = System.nanoTime();
            Instant fromInstant = Instant.now();
            if (!stalled) {
                runFor(measured, figures, app);
            }
            figures.stopMeasuring();
            long to = System.nanoTime();
            Instant toInstant = Instant.now();
            Cpu after = Cpu.now(app, postgresData);
            window = new Window(from, to, fromInstant, toInstant, before, after);
            // the journeys under way end (not measured); viewers stop at once
            backlog.phase("finishing");
            stop.set(true);
            driving.get();
            viewing.get();
            loadStopped = System.nanoTime();
        }
        backlog.phase("draining");
        Optional<Duration> drained = stalled ? Optional.empty() : backlog.waitUntilDrained(DRAIN_AT_MOST);
        return report(
                figures,
                journeys,
                viewers,
                links,
                backlog,
                window,
                Duration.ofNanos(loadStopped - window.to()),
                drained,
                jdbc);
    }

    /**
     * Lets the load run for {@code period}, checking every second that answers still come; when none
     * came for {@link #STALL_AFTER}, writes the instance's threads to {@code threads-at-stall.txt}
     * and ends the period early.
     */
    private void runFor(Duration period, RequestFigures figures, AftercartProcess app) throws Exception {
        long end = System.nanoTime() + period.toNanos();
        long answers = figures.answers();
        long lastAnswer = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(1_000);
            long now = figures.answers();
            if (now != answers) {
                answers = now;
                lastAnswer = System.nanoTime();
            } else if (System.nanoTime() - lastAnswer > STALL_AFTER.toNanos()) {
                stalled = true;
                Path dump = out.resolve("threads-at-stall.txt");
                line(
                        "%nSTALLED: no answer to any request for %d s; the instance's threads (virtual ones too): %s",
                        STALL_AFTER.toSeconds(), app.dumpThreads(dump) ? dump : "could not be written");
                return;
            }
        }
    }

    /** The measured period: its bounds, and the CPU used until its start and its end. */
    private record Window(long from, long to, Instant fromInstant, Instant toInstant, Cpu before, Cpu after) {
        Duration length() {
            return Duration.ofNanos(to - from);
        }

        double seconds() {
            return (to - from) / 1e9;
        }
    }

    /**
     * CPU time so far of Aftercart's JVM, of this JVM (clients, SMTP server, webhook receiver) and of
     * this run's PostgreSQL processes alive now: its postmaster (started by {@code pg_ctl}, so not a
     * child of this JVM; found by its data folder) and the backends under it, which live as long as
     * the connection pools.
     */
    private record Cpu(Duration app, Duration harness, Duration postgres) {
        static Cpu now(AftercartProcess app, Path postgresData) {
            String data = postgresData.toAbsolutePath().toString();
            Duration postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0]))
                            .contains(data))
                    .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
            return new Cpu(
                    app.cpuTime(),
                    ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
                    postgres);
        }
    }

    private boolean report(
            RequestFigures figures,
            Journeys journeys,
            PageViewers viewers,
            ShippedMailLinks links,
            BacklogSampler backlog,
            Window window,
            Duration finishing,
            Optional<Duration> drained,
            JdbcClient jdbc) {
        double seconds = window.seconds();
        line("%n## Requests in the measured %.1f s (latency of each HTTP exchange, client side)%n", seconds);
        line("%s", figures.latencyTable(window.length()).stripTrailing());

        List<Journeys.Journey> all = journeys.journeys();
        List<Journeys.Journey> finishedInWindow = all.stream()
                .filter(j -> j.finished && j.finishedAt >= window.from() && j.finishedAt < window.to())
                .toList();
        Histogram journeyTimes = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        finishedInWindow.forEach(j -> journeyTimes.recordValue(Math.max(1, (j.finishedAt - j.startedAt) / 1_000)));
        long failedJourneys = all.stream().filter(j -> j.failure != null).count();
        line("%n## Journeys%n");
        line(
                "- whole run (warm-up and the journeys that ended after the measured period included): %d started,"
                        + " %d finished, %d failed",
                all.size(), all.stream().filter(j -> j.finished).count(), failedJourneys);
        all.stream()
                .filter(j -> j.failure != null)
                .limit(10)
                .forEach(j -> line("  - journey %d failed: %s", j.n, j.failure));
        line(
                "- finished in the measured period: %d, **%.2f journeys/s**; whole journey (order to resolved"
                        + " return) p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms",
                finishedInWindow.size(),
                finishedInWindow.size() / seconds,
                journeyTimes.getValueAtPercentile(50) / 1000.0,
                journeyTimes.getValueAtPercentile(90) / 1000.0,
                journeyTimes.getValueAtPercentile(99) / 1000.0,
                journeyTimes.getMaxValue() / 1000.0);
        line(
                "- the journeys under way when the measured period ended took %.1f s more to end (not measured)",
                finishing.toMillis() / 1000.0);

        line("%n## Page views%n");
        line(
                "- %d views in the whole run, %d not answered 200%s; %d tracking links taken from shipped e-mails",
                viewers.views(),
                viewers.failures(),
                viewers.firstFailure() == null ? "" : " (first: " + viewers.firstFailure() + ")",
                links.count());

        line("%n## Message backlog (read from the database every second)%n");
        List<BacklogSampler.Sample> measured = backlog.samples("measured");
        line(
                "| %-58s | %14s | %16s |%n|%s|---------------:|-----------------:|",
                "waiting", "max (measured)", "at the load's end", "-".repeat(60));
        Optional<BacklogSampler.Sample> atEnd =
                backlog.samples("draining").stream().findFirst();
        backlogRow("messages to customers due (PENDING/SENDING, due)", measured, atEnd, s -> s.messagesDue(), "%.0f");
        backlogRow("age of the oldest due message (s)", measured, atEnd, s -> s.oldestMessageAge(), "%.1f");
        backlogRow("webhook deliveries due", measured, atEnd, s -> s.webhooksDue(), "%.0f");
        backlogRow("age of the oldest due webhook delivery (s)", measured, atEnd, s -> s.oldestWebhookAge(), "%.1f");
        backlogRow("scheduled for later (digest window, retries)", measured, atEnd, s -> s.scheduled(), "%.0f");
        backlogRow("incomplete event publications (Spring Modulith)", measured, atEnd, s -> s.publications(), "%.0f");
        backlogRow(
                "age of the oldest incomplete publication (s)", measured, atEnd, s -> s.oldestPublicationAge(), "%.1f");
        line(
                "%n- drained (nothing due, no incomplete publication) %s after the load stopped",
                drained.map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
                        .orElse("NOT within " + DRAIN_AT_MOST.toMinutes() + " min"));
        record Sent(long emails, long webhooks) {}
        Sent sent = jdbc.sql(
                        """
                        select count(*) filter (where purpose <> 'WEBHOOK'), count(*) filter (where purpose = 'WEBHOOK')
                        from notifications.messages where sent_at >= ? and sent_at < ?""")
                .params(Timestamp.from(window.fromInstant()), Timestamp.from(window.toInstant()))
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2)))
                .single();
        long problems = jdbc.sql(
                        "select count(*) from notifications.messages where status in ('FAILED', 'UNDELIVERABLE')")
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
                        select kind, count(*), extract(epoch from min(due_at) - now()), extract(epoch from max(due_at) - now())
                        from notifications.messages where status = 'PENDING' and due_at > now()
                        group by kind order by kind""")
                .query((rs, n) -> String.format(
                        Locale.ROOT,
                        "  - %s: %d, due in %.0f s to %.0f s",
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getDouble(3),
                        rs.getDouble(4)))
                .list()
                .forEach(scheduled -> {
                    if (report.indexOf("- scheduled for later after the drain") < 0) {
                        line("- scheduled for later after the drain (not due, so not waiting), by kind:");
                    }
                    line("%s", scheduled);
                });
        line(
                "- sent in the measured period: %d messages to customers (%.1f/s), %d webhook deliveries (%.1f/s);"
                        + " failed or undeliverable at the end: %d",
                sent.emails(), sent.emails() / seconds, sent.webhooks(), sent.webhooks() / seconds, problems);

        line("%n## Machine during the measured period%n");
        double[] load = measured.stream()
                .mapToDouble(BacklogSampler.Sample::loadAverage)
                .toArray();
        line(
                "- load average (1 min): %.2f at the start, %.2f at most, %.2f at the end, on %d cores",
                load.length == 0 ? -1 : load[0],
                Arrays.stream(load).max().orElse(-1),
                load.length == 0 ? -1 : load[load.length - 1],
                Runtime.getRuntime().availableProcessors());
        line(
                "- CPU used, in cores: Aftercart %.2f, PostgreSQL %.2f, harness (clients, SMTP, webhook receiver) %.2f",
                cores(window.after().app().minus(window.before().app()), seconds),
                cores(window.after().postgres().minus(window.before().postgres()), seconds),
                cores(window.after().harness().minus(window.before().harness()), seconds));

        boolean failed = stalled
                || figures.serverErrors() > 0
                || failedJourneys > 0
                || viewers.failures() > 0
                || links.count() == 0
                || drained.isEmpty();
        line(
                "%n%s: %s%d 5xx answers, %d other non-2xx answers in the measured period, %d failed journeys, %d page"
                        + " views not 200%s%s",
                failed ? "FAILED" : "OK",
                stalled ? "stalled, " : "",
                figures.serverErrors(),
                figures.otherAnswers(),
                failedJourneys,
                viewers.failures(),
                links.count() == 0 ? ", no tracking link in any shipped e-mail" : "",
                drained.isEmpty() ? ", backlog not drained" : "");
        return failed;
    }

    private void backlogRow(
            String what,
            List<BacklogSampler.Sample> measured,
            Optional<BacklogSampler.Sample> atEnd,
            ToDoubleFunction<BacklogSampler.Sample> value,
            String format) {
        double max = measured.stream().mapToDouble(value).max().orElse(0);
        line(
                "| %-58s | %14s | %16s |",
                what,
                String.format(Locale.ROOT, format, max),
                atEnd.map(s -> String.format(Locale.ROOT, format, value.applyAsDouble(s)))
                        .orElse("–"));
    }

    private static double cores(Duration cpu, double seconds) {
        return cpu.toMillis() / 1000.0 / seconds;
    }

    /**
     * The jar extracted as Spring Boot's {@code tools} jar mode does it for production (the
     * application's classes and a {@code lib/} folder of plain jars on the class path, no nested
     * jars); returns the jar to start.
     */
    private static Path extract(Path jar, Path destination) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process extracting = new ProcessBuilder(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        destination.toString())
                .inheritIO()
                .start();
        if (extracting.waitFor() != 0) {
            throw new IllegalStateException("could not extract " + jar);
        }
        return destination.resolve(jar.getFileName());
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l ->
                            String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                    .findFirst()
                    .orElse(memory);
        } catch (IOException e) {
            // not Linux: the figures say so
        }
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %s, %s %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory,
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
