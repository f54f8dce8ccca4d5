package org.aftercart.orders;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.aftercart.customers.CustomerBulkLoad;
import org.aftercart.customers.CustomerId;
import org.aftercart.platform.BinaryCopyWriter;
import org.aftercart.platform.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StopWatch;

/**
 * Imports a sales history in bulk: orders whose units were all delivered, then the returns made
 * against them. The orders are copied into a staging table and inserted with {@code on conflict do
 * nothing} on their number, so importing the same history twice adds nothing; the lines of the
 * orders that were added are then copied straight into {@code orders.order_lines}, as their keys
 * (a brand-new order id and the line's position) cannot exist yet, in PostgreSQL's binary form.
 * From {@value #ONE_PASS_CHECK_FROM} lines on, their foreign key is checked in one pass, and when
 * the lines at least double the table its unique indexes are built after the copy (see {@link
 * DeferredConstraints}); either locks the order tables until the transaction ends. The customers
 * must be loaded first (see {@link CustomerBulkLoad}). Runs in the caller's transaction when there
 * is one.
 */
@Service
public class HistoricalOrderImport {

    private static final Logger log = LoggerFactory.getLogger(HistoricalOrderImport.class);

    /** From this many lines on, their foreign key is checked once for all, not line by line. */
    static final int ONE_PASS_CHECK_FROM = 50_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CustomerBulkLoad customers;
    private final HistoricalReturns returns;
    private final DerivedStatuses statuses;
    private final DeferredConstraints constraints;

    HistoricalOrderImport(
            JdbcClient jdbc,
            DataSource dataSource,
            CustomerBulkLoad customers,
            HistoricalReturns returns,
            DerivedStatuses statuses,
            DeferredConstraints constraints) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.customers = customers;
        this.returns = returns;
        this.statuses = statuses;
        this.constraints = constraints;
    }

    @Transactional
    public HistoricalImportResult load(
            SalesChannel channel,
            Currency currency,
            Collection<HistoricalOrder> orders,
            Stream<HistoricalReturn> historicalReturns) {
        StopWatch steps = new StopWatch("historical order import");
        steps.start("stage orders, returns and customer ids");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        TimeOrderedIds ids = new TimeOrderedIds();
        createStagingTables();
        Set<String> orderCustomers = stageOrders(connection, orders, ids);
        Set<String> returnCustomers = returns.stage(connection, historicalReturns);
        stageCustomerIds(connection, orderCustomers, returnCustomers);

        steps.stop();
        steps.start("insert orders");
        Map<String, UUID> added = insertOrders(channel, currency);
        steps.stop();
        steps.start("copy lines");
        int linesToCopy = orders.stream()
                .filter(order -> added.containsKey(order.number()))
                .mapToInt(order -> order.lines().size())
                .sum();
        DeferredConstraints.Suspended suspended = suspendLineConstraints(linesToCopy);
        int linesAdded = copyLines(connection, orders, added, ids);
        steps.stop();
        steps.start("check the lines' keys and build their indexes");
        if (suspended != null) {
            constraints.restore(suspended);
        }
        steps.stop();
        steps.start("apply returns");
        HistoricalReturns.Outcome returned = returns.apply();
        steps.stop();
        steps.start("derive statuses");
        statuses.refresh("import_returned_orders");
        steps.stop();
        log.debug("{}", steps.prettyPrint(TimeUnit.MILLISECONDS));
        return new HistoricalImportResult(
                added.size(),
                orders.size() - added.size(),
                linesAdded,
                returned.applied(),
                returned.alreadyApplied(),
                returned.withoutOrderLine(),
                returned.withNothingLeft(),
                returned.units(),
                returned.unitsBeyondWhatWasLeft());
    }

    /**
     * From {@value #ONE_PASS_CHECK_FROM} lines on, the lines' foreign key is checked once at the end;
     * when the table also has at most half as many rows as there are lines to copy, its indexes are
     * built once at the end too (one sort of the table beats maintaining them line by line, which
     * costs about twice as much per line).
     */
    private DeferredConstraints.@Nullable Suspended suspendLineConstraints(int linesToCopy) {
        if (linesToCopy < ONE_PASS_CHECK_FROM) {
            return null;
        }
        int existing = jdbc.sql("select count(*) from (select from orders.order_lines limit :limit) l")
                .param("limit", linesToCopy / 2 + 1)
                .query(Integer.class)
                .single();
        if (existing > linesToCopy / 2) {
            return constraints.suspendForeignKeys("orders.order_lines");
        }
        // Index builds sort in memory up to this much; SET LOCAL ends with the transaction.
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        return constraints.suspendKeysAndIndexes("orders.order_lines");
    }

    private void createStagingTables() {
        jdbc.sql(
                        """
                        create temp table if not exists import_orders (
                            id uuid, number text, external_ref text, customer_ref text, placed_at timestamptz,
                            status text
                        ) on commit drop
                        """)
                .update();
        jdbc.sql(
                        """
                        create temp table if not exists import_customer_ids (ref text primary key, id uuid)
                            on commit drop
                        """)
                .update();
        jdbc.sql("truncate import_orders, import_customer_ids").update();
    }

    /** Inserts the staged orders whose number is free; returns their ids by number. */
    private Map<String, UUID> insertOrders(SalesChannel channel, Currency currency) {
        return jdbc
                .sql(
                        """
                        insert into orders.orders (id, number, channel, external_ref, customer_id, currency,
                            status, payment_status, placed_at, historical)
                        select o.id, o.number, :channel, o.external_ref, c.id, :currency,
                            o.status, 'PAID', o.placed_at, true
                        from import_orders o left join import_customer_ids c on c.ref = o.customer_ref
                        order by o.id
                        on conflict do nothing
                        returning id, number
                        """)
                .param("channel", channel.name())
                .param("currency", currency.getCurrencyCode())
                .query((rs, row) -> Map.entry(rs.getString(2), rs.getObject(1, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Copies each order with its status derived from its lines; returns the customers named. */
    private Set<String> stageOrders(Connection connection, Collection<HistoricalOrder> orders, TimeOrderedIds ids) {
        Set<String> customerRefs = new HashSet<>();
        try (CopyWriter copy = CopyWriter.open(
                connection, "import_orders", "id", "number", "external_ref", "customer_ref", "placed_at", "status")) {
            for (HistoricalOrder order : orders) {
                List<LineQuantities> quantities = new ArrayList<>(order.lines().size());
                for (HistoricalOrder.Line line : order.lines()) {
                    if (line.quantity() <= 0) {
                        throw new IllegalArgumentException("Order " + order.number() + " has a line of "
                                + line.quantity() + " × " + line.sku() + "; historical lines need at least 1");
                    }
                    quantities.add(delivered(line.quantity()));
                }
                if (order.customerRef() != null) {
                    customerRefs.add(order.customerRef());
                }
                copy.value(ids.next())
                        .value(order.number())
                        .value(order.externalRef())
                        .value(order.customerRef())
                        .value(order.placedAt())
                        .value(OrderStatus.derive(quantities, false).name())
                        .endRow();
            }
            copy.finish();
        }
        return customerRefs;
    }

    private static LineQuantities delivered(int quantity) {
        return new LineQuantities(quantity, 0, quantity, quantity, quantity, 0, 0, 0);
    }

    /** Customers of orders must be known; those of returns may not be, and then match nothing. */
    private void stageCustomerIds(Connection connection, Set<String> orderCustomers, Set<String> returnCustomers) {
        Set<String> refs = new HashSet<>(orderCustomers);
        refs.addAll(returnCustomers);
        Map<String, CustomerId> known = customers.idsByExternalRef(refs);
        List<String> unknown = orderCustomers.stream()
                .filter(ref -> !known.containsKey(ref))
                .sorted()
                .limit(5)
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Orders refer to unknown customers " + unknown + "; load the customers before their orders");
        }
        try (CopyWriter copy = CopyWriter.open(connection, "import_customer_ids", "ref", "id")) {
            known.forEach((ref, id) -> copy.value(ref).value(id.id()).endRow());
            copy.finish();
        }
    }

    /** The lines of the orders just added, each delivered in full, numbered by position. */
    private static int copyLines(
            Connection connection, Collection<HistoricalOrder> orders, Map<String, UUID> added, TimeOrderedIds ids) {
        Map<String, UUID> pending = new java.util.HashMap<>(added);
        int copied = 0;
        try (BinaryCopyWriter copy = BinaryCopyWriter.open(
                connection,
                "orders.order_lines",
                "id",
                "order_id",
                "line_no",
                "sku",
                "title",
                "unit_price",
                "ordered",
                "fulfilled",
                "shipped",
                "delivered")) {
            for (HistoricalOrder order : orders) {
                UUID orderId = pending.remove(order.number());
                if (orderId == null) {
                    continue;
                }
                for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
                    HistoricalOrder.Line line = order.lines().get(lineNo);
                    copy.uuid(ids.next())
                            .uuid(orderId)
                            .int4(lineNo)
                            .text(line.sku())
                            .text(line.title())
                            .numeric(line.unitPrice())
                            .int4(line.quantity())
                            .int4(line.quantity())
                            .int4(line.quantity())
                            .int4(line.quantity())
                            .endRow();
                    copied++;
                }
            }
            copy.finish();
        }
        return copied;
    }
}
