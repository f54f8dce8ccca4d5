package org.aftercart.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The work Aftercart has accepted but not yet done, read from its database once a second on a
 * connection of its own: customer messages (e-mail, SMS) and webhook deliveries waiting (status
 * {@code PENDING} or {@code SENDING} and due) with the age of the oldest due one, messages scheduled
 * for later, and Spring Modulith's incomplete event publications (listeners after commit not yet
 * done). Each sample also keeps the machine's one-minute load average.
 */
final class BacklogSampler implements AutoCloseable {

    /** One second's reading; ages in seconds, zero when nothing is waiting. */
    record Sample(
            double at,
            String phase,
            long messagesDue,
            double oldestMessageAge,
            long webhooksDue,
            double oldestWebhookAge,
            long scheduled,
            long publications,
            double oldestPublicationAge,
            double loadAverage) {

        boolean drained() {
            return messagesDue == 0 && webhooksDue == 0 && publications == 0;
        }
    }

    private final Connection connection;
    private final JdbcClient jdbc;
    private final long begin = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampling;
    private volatile String phase = "start";

    BacklogSampler(DataSource database) throws SQLException {
        this.connection = database.getConnection();
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        this.sampling = Thread.ofPlatform().daemon().name("backlog-sampler").start(this::sampleEverySecond);
    }

    /** Names the samples taken from now on: warm-up, measured, finishing, draining. */
    void phase(String phase) {
        this.phase = phase;
    }

    private void sampleEverySecond() {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Sample sample = sample();
                synchronized (samples) {
                    samples.add(sample);
                }
                next += 1_000_000_000L;
                Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database went away at the end of the run
                return;
            }
        }
    }

    private Sample sample() {
        double at = (System.nanoTime() - begin) / 1e9;
        Sample messages = jdbc.sql(
                        """
                        select count(*) filter (where purpose <> 'WEBHOOK' and due_at <= now()) as messages_due,
                               coalesce(extract(epoch from now() - min(due_at)
                                   filter (where purpose <> 'WEBHOOK' and due_at <= now())), 0) as oldest_message,
                               count(*) filter (where purpose = 'WEBHOOK' and due_at <= now()) as webhooks_due,
                               coalesce(extract(epoch from now() - min(due_at)
                                   filter (where purpose = 'WEBHOOK' and due_at <= now())), 0) as oldest_webhook,
                               count(*) filter (where due_at > now()) as scheduled
                        from notifications.messages
                        where status in ('PENDING', 'SENDING')""")
                .query((rs, n) -> new Sample(
                        at,
                        phase,
                        rs.getLong("messages_due"),
                        rs.getDouble("oldest_message"),
                        rs.getLong("webhooks_due"),
                        rs.getDouble("oldest_webhook"),
                        rs.getLong("scheduled"),
                        0,
                        0,
                        0))
                .single();
        record Publications(long count, @Nullable OffsetDateTime oldest) {}
        Publications publications = jdbc.sql(
                        "select count(*), min(publication_date) from event_publication where completion_date is null")
                .query((rs, n) -> new Publications(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
        double publicationAge = publications.oldest() == null
                ? 0
                : Duration.between(publications.oldest(), OffsetDateTime.now()).toMillis() / 1000.0;
        return new Sample(
                at,
                messages.phase(),
                messages.messagesDue(),
                messages.oldestMessageAge(),
                messages.webhooksDue(),
                messages.oldestWebhookAge(),
                messages.scheduled(),
                publications.count(),
                Math.max(0, publicationAge),
                loadAverage());
    }

    /** The machine's one-minute load average (Linux), or -1 where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    List<Sample> samples(String phase) {
        return samples().stream().filter(s -> s.phase().equals(phase)).toList();
    }

    Optional<Sample> latest() {
        List<Sample> all = samples();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /**
     * Waits for a sample taken after now in which nothing is waiting; returns how long that took, or
     * empty when it did not come within {@code atMost}.
     */
    Optional<Duration> waitUntilDrained(Duration atMost) throws InterruptedException {
        long from = System.nanoTime();
        double after = (from - begin) / 1e9;
        Predicate<Sample> drainedSince = s -> s.at() >= after && s.drained();
        while (System.nanoTime() - from < atMost.toNanos()) {
            Optional<Sample> drained = samples().stream().filter(drainedSince).findFirst();
            if (drained.isPresent()) {
                return Optional.of(Duration.ofMillis(Math.round((drained.get().at() - after) * 1000)));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** Every sample as CSV, to plot or to read again. */
    void writeCsv(Path file) throws IOException {
        String header = "seconds,phase,messages_due,oldest_message_due_s,webhooks_due,oldest_webhook_due_s,"
                + "scheduled,incomplete_publications,oldest_publication_s,load_average\n";
        Files.writeString(
                file,
                header
                        + samples().stream()
                                .map(s -> String.format(
                                        Locale.ROOT,
                                        "%.1f,%s,%d,%.1f,%d,%.1f,%d,%d,%.1f,%.2f",
                                        s.at(),
                                        s.phase(),
                                        s.messagesDue(),
                                        s.oldestMessageAge(),
                                        s.webhooksDue(),
                                        s.oldestWebhookAge(),
                                        s.scheduled(),
                                        s.publications(),
                                        s.oldestPublicationAge(),
                                        s.loadAverage()))
                                .collect(Collectors.joining("\n", "", "\n")));
    }

    @Override
    public void close() throws SQLException {
        sampling.interrupt();
        try {
            sampling.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
