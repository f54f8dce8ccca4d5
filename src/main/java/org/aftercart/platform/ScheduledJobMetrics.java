package org.aftercart.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome;
import org.springframework.stereotype.Component;

/**
 * The periodic jobs ({@code @Scheduled} methods of every module: hold release, delay checks, the
 * Shopify retry, wallet expiry, …), one label {@code job} per method ({@code Class.method}): the
 * configured interval, the seconds since the last run started, how far past its due time the next
 * run is (the lag: 0 while the job keeps its rhythm), and whether the last run failed. Read from Spring's own
 * record of each task's last execution, so no job has to report anything.
 */
@Component
class ScheduledJobMetrics {

    private final ObjectProvider<ScheduledTaskHolder> holders;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Instant startedUp;

    ScheduledJobMetrics(ObjectProvider<ScheduledTaskHolder> holders, MeterRegistry registry, Clock clock) {
        this.holders = holders;
        this.registry = registry;
        this.clock = clock;
        this.startedUp = clock.instant();
    }

    /** Once every job is scheduled. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        holders.orderedStream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(IntervalTask.class::isInstance)
                .map(IntervalTask.class::cast)
                .forEach(this::register);
    }

    private void register(IntervalTask task) {
        String job = nameOf(task);
        double interval = task.getIntervalDuration().toMillis() / 1000.0;
        Gauge.builder("aftercart.job.interval", () -> interval)
                .description("How often the job is meant to run (its fixed delay or rate)")
                .baseUnit("seconds")
                .tag("job", job)
                .register(registry);
        Gauge.builder("aftercart.job.since.last.start", task, this::sinceLastStart)
                .description("Seconds since the job last started (since start-up when it has not run yet)")
                .baseUnit("seconds")
                .tag("job", job)
                .register(registry);
        Gauge.builder("aftercart.job.lag", task, this::lag)
                .description(
                        "Seconds the job's next run is overdue (last start + interval): 0 while it keeps its rhythm")
                .baseUnit("seconds")
                .tag("job", job)
                .register(registry);
        Gauge.builder(
                        "aftercart.job.last.failed",
                        task,
                        t -> t.getLastExecutionOutcome().status() == TaskExecutionOutcome.Status.ERROR ? 1 : 0)
                .description("1 when the job's last run ended with an exception")
                .tag("job", job)
                .register(registry);
    }

    /**
     * How long past its due time the job is: due {@code interval} after its last start, or its
     * initial delay after start-up when it has not run yet.
     */
    private double lag(IntervalTask task) {
        Instant last = task.getLastExecutionOutcome().executionTime();
        Instant due =
                last == null ? startedUp.plus(task.getInitialDelayDuration()) : last.plus(task.getIntervalDuration());
        return Math.max(0, Duration.between(due, clock.instant()).toMillis() / 1000.0);
    }

    private double sinceLastStart(Task task) {
        Instant last = task.getLastExecutionOutcome().executionTime();
        Instant since = last == null ? startedUp : last;
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    /** {@code org.aftercart.fulfillment.HoldRelease.release} → {@code HoldRelease.release}. */
    static String nameOf(Task task) {
        String method = task.toString();
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return dot < 0 ? method : method.substring(dot + 1);
    }
}
