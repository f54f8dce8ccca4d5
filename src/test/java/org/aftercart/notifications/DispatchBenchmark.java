package org.aftercart.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftercart.AftercartApplication;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatch throughput: 10,000 queued e-mails (order confirmations of 1,000 orders, ten each)
 * delivered to a local SMTP server, after as many again were sent unmeasured so that the JIT
 * compiler has done most of its work, as in a server that has been running for a while (GreenMail, in this JVM, so it shares the two cores), then checked
 * for none lost and none duplicated by counting the Message-IDs that arrived. Not a test: run it
 * with {@code ./mvnw -Pbenchmark test -DskipTests} (or its execution {@code dispatch}).
 */
public final class DispatchBenchmark {

    private static final int ORDERS = 1_000;
    private static final int MESSAGES_PER_ORDER = 10;

    /** Orders whose confirmations are sent before the measured part, as a long-running server would. */
    private static final int WARM_UP_ORDERS = 1_000;

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args.length > 0 ? args[0] : "target/benchmark-dispatch", "postgres");
        if (Files.exists(database)) {
            try (var paths = Files.walk(database)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        SpringApplication application = new SpringApplication(AftercartApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of(
                "logging.level.root", "warn",
                "server.port", "0",
                "aftercart.fulfillment.hold-window", "PT0S",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(port),
                "aftercart.notifications.quiet-hours-start", "00:00",
                "aftercart.notifications.quiet-hours-end", "00:00"));
        System.setProperty(
                "aftercart.embedded-postgres.data-directory",
                database.toAbsolutePath().toString());
        System.setProperty("aftercart.embedded-postgres.clean", "true");
        // Queued first, delivered in the measured part only.
        System.setProperty("aftercart.notifications.dispatch", "false");
        try (ConfigurableApplicationContext context = application.run()) {
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            queue(context, "warm-up", WARM_UP_ORDERS);
            MailDelivery.deliverEverythingDue(dispatcher);
            int warmUp = smtp.getReceivedMessages().length;
            smtp.purgeEmailFromAllMailboxes();
            queue(context, "benchmark", ORDERS);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            int queued = jdbc.sql("select count(*) from notifications.messages where status = 'PENDING'")
                    .query(Integer.class)
                    .single();
            var jvm = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            var classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
            long classesBefore = classes.getTotalLoadedClassCount();
            long cpuBefore = jvm.getProcessCpuTime();
            long jitBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            MailDelivery.deliverEverythingDue(dispatcher);
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvmCpuSeconds = (jvm.getProcessCpuTime() - cpuBefore) / 1e9;
            double jitSeconds = (jit.getTotalCompilationTime() - jitBefore) / 1e3;

            int sent = jdbc.sql("select count(*) from notifications.messages where status = 'SENT'")
                            .query(Integer.class)
                            .single()
                    - warmUp;
            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> ids = new HashSet<>();
            int duplicated = 0;
            for (MimeMessage message : received) {
                if (!ids.add(message.getMessageID())) {
                    duplicated++;
                }
            }
            System.out.printf(
                    "Dispatch (after %d sent to warm up): %d queued, %d sent, %d received by SMTP (%d distinct Message-IDs), %d lost, %d duplicated"
                            + " in %.2f s: %.0f e-mails/s (parallelism %d)%n",
                    warmUp,
                    queued,
                    sent,
                    received.length,
                    ids.size(),
                    queued - ids.size(),
                    duplicated,
                    seconds,
                    ids.size() / seconds,
                    context.getEnvironment().getProperty("aftercart.notifications.parallelism", Integer.class, 8));
            System.out.printf(
                    "JVM CPU during the measured part: %.1f s (JIT compilation %.1f s, %d classes loaded); the rest of the two cores went"
                            + " to PostgreSQL and whatever else ran%n",
                    jvmCpuSeconds, jitSeconds, classes.getTotalLoadedClassCount() - classesBefore);
        } finally {
            smtp.stop();
        }
    }

    private static void queue(ConfigurableApplicationContext context, String name, int orderCount) {
        ShippedOrders orders = new ShippedOrders(
                context.getBean(OrderManagement.class),
                context.getBean(Fulfillment.class),
                context.getBean(Tracking.class),
                context.getBean(Catalog.class),
                context.getBean(Inventory.class));
        Notifications notifications = context.getBean(Notifications.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        List<OrderView> placed = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            placed.add(
                    orders.placeOnly(name + "-customer-" + i + "@example.org", "Mug " + (i % 50), "Plate " + (i % 30)));
        }
        transactions.executeWithoutResult(tx -> {
            for (OrderView order : placed) {
                for (int copy = 1; copy < MESSAGES_PER_ORDER; copy++) {
                    notifications.request(new NotificationRequest(
                            MessageKind.ORDER_CONFIRMED,
                            name + ":" + order.id() + ":" + copy,
                            CustomerId.of(order.customerId()),
                            order.id().id(),
                            Map.of(),
                            null));
                }
            }
        });
    }
}
