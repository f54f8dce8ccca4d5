package org.aftercart.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One Aftercart instance as a child JVM started from the packaged jar, as an operator runs it: its
 * database and mail server given through the environment, its settings as command-line arguments.
 * It can be killed with SIGKILL (no shutdown hook, no graceful stop) and started again on the same
 * port; each start writes its own log file.
 */
final class AftercartProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    /**
     * What an operator runs: the serial collector and a 320 MB heap. The demo run has 192 MB ({@code
     * bench/lib.sh}); the harnesses' recorded figures were taken with these options, so they stay.
     */
    static final List<String> OPERATOR_JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Path jar;
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;
    private int starts;

    AftercartProcess(
            String name,
            int port,
            Path jar,
            Path logs,
            List<String> jvmOptions,
            Map<String, String> environment,
            List<String> arguments) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.logs = logs;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.arguments = arguments;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM and waits until its readiness probe answers UP; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        starts++;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + "-start-" + starts + ".log").toFile());
        builder.environment().putAll(environment);
        Process started = builder.start();
        process = started;
        if (starts == 1) {
            // a harness stopped with Ctrl-C takes its instances with it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process last = process;
                if (last != null) {
                    last.destroyForcibly();
                }
            }));
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready()) {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " died while starting; see its log in " + logs);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + START_TIMEOUT);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** The JVM options it runs with. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The CPU time the running JVM has used so far (all its threads), zero when it is not running. */
    Duration cpuTime() {
        Process running = process;
        return running == null
                ? Duration.ZERO
                : running.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Writes the running JVM's threads, virtual ones included, to {@code file} ({@code jcmd
     * Thread.dump_to_file}); returns whether that worked.
     */
    boolean dumpThreads(Path file) throws InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return false;
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        try {
            Process dump = new ProcessBuilder(
                            jcmd.toString(),
                            Long.toString(running.pid()),
                            "Thread.dump_to_file",
                            "-format=text",
                            file.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: the JVM stops at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.destroyForcibly(); // SIGKILL on Linux
            running.waitFor();
        }
    }

    /** A graceful stop (SIGTERM), at the end of a run. */
    void stop() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(60, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
