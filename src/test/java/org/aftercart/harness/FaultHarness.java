package org.aftercart.harness;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.aftercart.notifications.WebhookReceiver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fault harness: Aftercart from its packaged jar as child JVMs, killed with SIGKILL in the middle
 * of a burst of concurrent journeys, and then checked from the database, the SMTP server and the
 * webhook receiver (see {@link Invariants}). PostgreSQL (embedded, in this JVM), the SMTP server
 * (GreenMail) and the merchant's webhook endpoint ({@link WebhookReceiver}) live here, so killing
 * Aftercart kills none of them.
 *
 * <p>Two phases, each on its own database: <b>crashes</b>, one instance killed {@code kills} times
 * at random moments of the burst and started again each time; <b>two instances</b> on one database,
 * requests spread over both, each carrier webhook sent to both at once, silent parcels for the
 * scheduled delay check, and one instance killed and restarted while the other goes on.
 *
 * <p>Not a test: {@code bench/faults.sh} (or {@code ./mvnw -Pfaults package -DskipTests}) runs it.
 * Arguments: the jar, the output folder, the shared payload folder, burst seconds, kills, and the
 * random seed (kill moments).
 */
public final class FaultHarness {

    private static final int CLIENTS = 6;

    private final Path jar;
    private final Path out;
    private final CarrierPayloads payloads;
    private final Duration burst;
    private final int kills;
    private final Random random;
    private final StringBuilder report = new StringBuilder();
    private boolean failed;

    private FaultHarness(Path jar, Path out, CarrierPayloads payloads, Duration burst, int kills, long seed) {
        this.jar = jar;
        this.out = out;
        this.payloads = payloads;
        this.burst = burst;
        this.kills = kills;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        var arguments = HarnessArguments.of(args);
        Path jar = arguments.path(0, "target/aftercart.jar");
        Path out = arguments.path(1, "target/faults");
        Path payloads = arguments.path(2, "../shared/data/payloads");
        Duration burst = arguments.seconds(3, 75);
        int kills = arguments.count(4, 3);
        long seed = arguments.number(5, System.currentTimeMillis());
        Files.createDirectories(out);
        for (String noisy : List.of("com.icegreen", "io.zonky")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        FaultHarness harness = new FaultHarness(jar, out, new CarrierPayloads(payloads), burst, kills, seed);
        harness.line(
                "Fault harness: %d clients, %d s burst per phase, %d kills, seed %d; %d processors, %s",
                CLIENTS,
                burst.toSeconds(),
                kills,
                seed,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        try (EmbeddedPostgres postgres = HarnessSetUp.postgres(out)) {
            harness.crashes(postgres);
            harness.twoInstances(postgres);
        }
        Files.writeString(out.resolve("summary.md"), harness.report);
        System.exit(harness.failed ? 1 : 0);
    }

    // ---- phase 1: one instance, killed mid-burst ----

    private void crashes(EmbeddedPostgres postgres) throws Exception {
        line("%n## One instance, killed with SIGKILL %d times mid-burst%n", kills);
        DataSource database = HarnessSetUp.database(postgres, "faults_crashes");
        GreenMail smtp = HarnessSetUp.smtp();
        try (AutoCloseable stopSmtp = smtp::stop;
                WebhookReceiver receiver = new WebhookReceiver()) {
            AftercartProcess app = instance("crashes-a", postgres, "faults_crashes", smtp, List.of());
            line("first start (migrations): %.1f s", app.start().toMillis() / 1000.0);
            HarnessSetUp.seed(JdbcClient.create(database));
            RequestFigures figures = new RequestFigures();
            RetryingClient client = new RetryingClient(List.of(app.baseUrl()), HarnessSetUp.API_KEY, figures);
            HarnessSetUp.registerEndpoint(client, receiver);
            Journeys journeys = new Journeys(client, payloads, HarnessSetUp.SKU, false);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> driving = drive(journeys, stop);
            // The burst is time under load with the instance up: start-ups on a busy machine can take
            // longer than the burst itself, and a kill must land while requests are in flight.
            long stretch = burst.toMillis() / (kills + 1);
            for (int k = 0; k < kills; k++) {
                // a random moment within each stretch, so that kills land on different steps
                Thread.sleep(stretch / 2 + random.nextLong(stretch / 2));
                long killedAt = System.nanoTime();
                app.kill();
                app.start();
                double recovered = (System.nanoTime() - killedAt) / 1e9;
                line("kill %d: SIGKILL, started again and ready after %.1f s", k + 1, recovered);
            }
            Thread.sleep(stretch);
            stop.set(true);
            driving.join();
            Duration drain = drain(JdbcClient.create(database), 0);
            app.stop();
            verdict(journeys, figures, JdbcClient.create(database), smtp, receiver, drain, false);
        }
    }

    // ---- phase 2: two instances on one database ----

    private void twoInstances(EmbeddedPostgres postgres) throws Exception {
        line("%n## Two instances on one database, one killed mid-burst while the other goes on%n");
        DataSource database = HarnessSetUp.database(postgres, "faults_two_instances");
        // Parcels silent this long are delayed: the scheduled delay check finds the stalled journeys'.
        List<String> delayCheck =
                List.of("--aftercart.tracking.silent-after=PT30S", "--aftercart.tracking.delay-check-every=PT2S");
        GreenMail smtp = HarnessSetUp.smtp();
        try (AutoCloseable stopSmtp = smtp::stop;
                WebhookReceiver receiver = new WebhookReceiver()) {
            AftercartProcess a = instance("two-a", postgres, "faults_two_instances", smtp, delayCheck);
            AftercartProcess b = instance("two-b", postgres, "faults_two_instances", smtp, delayCheck);
            // Both at once on an empty database: Flyway's lock lets one migrate while the other waits.
            CompletableFuture<Duration> startingB = CompletableFuture.supplyAsync(() -> {
                try {
                    return b.start();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            line("instance A start: %.1f s", a.start().toMillis() / 1000.0);
            line("instance B start: %.1f s", startingB.join().toMillis() / 1000.0);
            HarnessSetUp.seed(JdbcClient.create(database));
            RequestFigures figures = new RequestFigures();
            RetryingClient client =
                    new RetryingClient(List.of(a.baseUrl(), b.baseUrl()), HarnessSetUp.API_KEY, figures);
            HarnessSetUp.registerEndpoint(client, receiver);
            Journeys journeys = new Journeys(client, payloads, HarnessSetUp.SKU, true);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> driving = drive(journeys, stop);
            long before = burst.toMillis() / 3 + random.nextLong(burst.toMillis() / 3);
            Thread.sleep(before);
            long killedAt = System.nanoTime();
            b.kill();
            line("instance B killed; A goes on alone for 5 s");
            Thread.sleep(5_000);
            b.start();
            line("instance B ready again %.1f s after the kill", (System.nanoTime() - killedAt) / 1e9);
            Thread.sleep(burst.toMillis() - before);
            stop.set(true);
            driving.join();
            long stalled = journeys.journeys().stream()
                    .filter(j -> j.stalls && j.finished)
                    .count();
            Duration drain = drain(JdbcClient.create(database), stalled);
            a.stop();
            b.stop();
            verdict(journeys, figures, JdbcClient.create(database), smtp, receiver, drain, true);
        }
    }

    private AftercartProcess instance(
            String name, EmbeddedPostgres postgres, String databaseName, GreenMail smtp, List<String> extra)
            throws IOException {
        List<String> jvmOptions = new ArrayList<>(AftercartProcess.OPERATOR_JVM_OPTIONS);
        // C1 only: a third less CPU to start, which is what a restart on a busy machine waits for
        jvmOptions.add("-XX:TieredStopAtLevel=1");
        return HarnessSetUp.instance(name, jar, out, jvmOptions, postgres, databaseName, smtp, extra);
    }

    private static CompletableFuture<Void> drive(Journeys journeys, AtomicBoolean stop) {
        return CompletableFuture.runAsync(() -> {
            try {
                journeys.drive(CLIENTS, stop::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Waits until no message is waiting or being sent (and, with stalled parcels, until the delay
     * check told them); returns how long after the burst that took, at most three minutes.
     */
    private Duration drain(JdbcClient jdbc, long stalledParcels) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = jdbc.sql(
                            "select count(*) from notifications.messages where status in ('PENDING', 'SENDING')")
                    .query(Long.class)
                    .single();
            long delaysTold = jdbc.sql(
                            "select count(distinct shipment_id) from notifications.messages where kind = 'delayed'")
                    .query(Long.class)
                    .single();
            if (waiting == 0 && delaysTold >= stalledParcels) {
                break;
            }
            Thread.sleep(250);
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - begin);
        line("drained %.1f s after the burst's last journey", drained.toMillis() / 1000.0);
        return drained;
    }

    private void verdict(
            Journeys journeys,
            RequestFigures figures,
            JdbcClient jdbc,
            GreenMail smtp,
            WebhookReceiver receiver,
            Duration drain,
            boolean delays)
            throws Exception {
        List<Journeys.Journey> all = journeys.journeys();
        long finished = all.stream().filter(j -> j.finished).count();
        line("journeys: %d started, %d finished, %d failed", all.size(), finished, all.size() - finished);
        all.stream()
                .filter(j -> j.failure != null)
                .limit(10)
                .forEach(j -> line("  journey %d failed: %s", j.n, j.failure));
        report.append('\n').append(figures.table());
        System.out.print(figures.table());
        Invariants invariants = new Invariants(jdbc);
        invariants.requests(all);
        invariants.trackingEvents(all);
        invariants.orderBuckets(all);
        invariants.wallet();
        invariants.messages(smtp, receiver);
        if (delays) {
            invariants.delaysToldOnce(receiver, all);
        }
        Invariants.Deliveries d = invariants.deliveries();
        line(
                "%nmessages: %d e-mails sent (database), %d received by the SMTP server (%d distinct Message-IDs, %d extra"
                        + " copies); %d webhooks sent, %d received (%d distinct webhook-ids, %d extra copies); %d attempts"
                        + " cut off by a kill (outcome unknown, sent again with the same id); drained %.1f s after the burst%n",
                d.emailsSent(),
                d.emailsReceived(),
                d.distinctMessageIds(),
                d.emailCopies(),
                d.webhooksSent(),
                d.webhooksReceived(),
                d.distinctWebhookIds(),
                d.webhookCopies(),
                d.uncertainAttempts(),
                drain.toMillis() / 1000.0);
        line(
                "requests: %d sent (%d HTTP attempts, %d without an answer), %d accepted; lost %d; done or told twice %d"
                        + " (copies under one id counted apart: %d e-mails, %d webhooks)",
                figures.requests(),
                figures.attempts(),
                figures.unanswered(),
                figures.accepted(),
                invariants.lost(),
                invariants.doneTwice(),
                d.emailCopies(),
                d.webhookCopies());
        report.append('\n').append(invariants.table());
        System.out.print(invariants.table());
        if (!invariants.allHold() || finished < all.size()) {
            failed = true;
            line("FAILED: see the checks above");
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
