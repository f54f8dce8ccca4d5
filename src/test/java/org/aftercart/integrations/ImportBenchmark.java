package org.aftercart.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.aftercart.AftercartApplication;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the import of the full UCI Online Retail file against the floor: PostgreSQL's own COPY of
 * the same CSV, decompressed, into one bare table, on the same fresh embedded database in the same
 * run. Not a test: run it with {@code ./mvnw -Pbenchmark test -DskipTests}. Each round empties the
 * imported tables first, so every import starts from nothing; the median of the rounds is printed.
 */
public final class ImportBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/online-retail/online_retail_2010-2011.csv.gz");
        Path work = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        Files.createDirectories(work);
        Path csv = work.resolve("online_retail.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }

        Path database = work.resolve("postgres");
        if (Files.exists(database)) {
            try (var paths = Files.walk(database)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }

        SpringApplication application = new SpringApplication(AftercartApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of(
                "logging.level.root", "warn",
                "logging.level.org.aftercart.integrations.OnlineRetailImport", "debug",
                "logging.level.org.aftercart.orders.HistoricalOrderImport", "debug",
                "logging.level.org.aftercart.orders.DeferredConstraints", "debug"));
        System.setProperty(
                "aftercart.embedded-postgres.data-directory",
                database.toAbsolutePath().toString());
        System.setProperty("aftercart.embedded-postgres.clean", "true");
        try (ConfigurableApplicationContext context = application.run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            OnlineRetailImport importer = context.getBean(OnlineRetailImport.class);
            System.out.println(jdbc.sql("select version()").query(String.class).single());

            List<Long> imports = new ArrayList<>();
            List<Long> copies = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                emptyImportedTables(jdbc);
                long started = System.nanoTime();
                OnlineRetailReport report;
                try (InputStream data = Files.newInputStream(file)) {
                    report = importer.importFrom(data, phase -> {});
                }
                imports.add(System.nanoTime() - started);
                copies.add(copyIntoBareTable(jdbc, dataSource, csv));
                System.out.printf(
                        Locale.ROOT,
                        "round %d: import %.2f s (%,d orders, %,d lines), COPY %.2f s%n",
                        round,
                        seconds(imports.getLast()),
                        report.ordersAdded(),
                        report.linesAdded(),
                        seconds(copies.getLast()));
            }
            double importSeconds = seconds(median(imports));
            double copySeconds = seconds(median(copies));
            System.out.printf(
                    Locale.ROOT,
                    "median of %d: import %.2f s, COPY %.2f s, ratio %.2f%n",
                    ROUNDS,
                    importSeconds,
                    copySeconds,
                    importSeconds / copySeconds);
        }
    }

    private static void emptyImportedTables(JdbcClient jdbc) {
        jdbc.sql(
                        """
                        truncate orders.historical_returns, orders.order_changes, orders.idempotency_keys,
                            orders.order_lines, orders.orders, customers.customers, catalog.variants, catalog.products
                        cascade
                        """)
                .update();
    }

    /** The floor: a bare table with the file's columns, filled by one COPY of the decompressed CSV. */
    private static long copyIntoBareTable(JdbcClient jdbc, DataSource dataSource, Path csv)
            throws IOException, java.sql.SQLException {
        jdbc.sql("drop table if exists public.online_retail_copy").update();
        jdbc.sql(
                        """
                        create table public.online_retail_copy (
                            invoice_no text, stock_code text, description text, quantity int,
                            invoice_date timestamp, unit_price numeric(19, 4), customer_id numeric, country text)
                        """)
                .update();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                InputStream data = Files.newInputStream(csv)) {
            connection.setAutoCommit(false);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy public.online_retail_copy from stdin (format csv, header true)", data, 1 << 16);
            connection.commit();
        }
        return System.nanoTime() - started;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
