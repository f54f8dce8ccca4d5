package org.aftercart.orders;

import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.aftercart.platform.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the returns of an imported history to the order lines they most likely came from: the
 * same customer's most recent line of the same SKU placed at or before the return (invoice times
 * only have minute precision). A line gives back at most what it has delivered and not yet
 * returned; returns on the same line take from it in the order they were made. Each applied return
 * is recorded in {@code orders.historical_returns}, which makes a second import skip it.
 */
@Component
class HistoricalReturns {

    record Outcome(
            int applied,
            int alreadyApplied,
            int withoutOrderLine,
            int withNothingLeft,
            long units,
            long unitsBeyondWhatWasLeft) {}

    private final JdbcClient jdbc;

    HistoricalReturns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the returns into a staging table; returns the customer references they name. */
    Set<String> stage(Connection connection, Stream<HistoricalReturn> returns) {
        jdbc.sql(
                        """
                        create temp table if not exists import_returns (
                            reference text, line_no int, customer_ref text, returned_at timestamptz, sku text,
                            quantity int
                        ) on commit drop;
                        truncate import_returns
                        """)
                .update();
        Set<String> customerRefs = new HashSet<>();
        try (CopyWriter copy = CopyWriter.open(
                connection,
                "import_returns",
                "reference",
                "line_no",
                "customer_ref",
                "returned_at",
                "sku",
                "quantity")) {
            returns.forEach(line -> {
                if (line.quantity() <= 0) {
                    throw new IllegalArgumentException("Return " + line.reference() + " line " + line.lineNo()
                            + " has quantity " + line.quantity());
                }
                customerRefs.add(line.customerRef());
                copy.value(line.reference())
                        .value(line.lineNo())
                        .value(line.customerRef())
                        .value(line.returnedAt())
                        .value(line.sku())
                        .value(line.quantity())
                        .endRow();
            });
            copy.finish();
        }
        return customerRefs;
    }

    /**
     * Matches the staged returns (customers resolved through {@code import_customer_ids}) and applies
     * them; the orders they changed are left in {@code import_returned_orders}.
     */
    Outcome apply() {
        // The match joins every earlier order of the customers concerned with their lines: let it
        // hash in memory rather than spill to disk. SET LOCAL ends with the transaction.
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("analyze import_returns").update();
        jdbc.sql(
                        """
                        drop table if exists import_matched_returns, import_returned_orders;
                        create temp table import_matched_returns on commit drop as
                        with candidates as (
                            select distinct on (r.reference, r.line_no)
                                r.reference, r.line_no, r.returned_at, r.quantity,
                                l.id as line_id, l.order_id, l.delivered - l.returned as left_to_return
                            from import_returns r
                            join import_customer_ids c on c.ref = r.customer_ref
                            join orders.orders o on o.customer_id = c.id and o.historical and o.placed_at <= r.returned_at
                            join orders.order_lines l on l.order_id = o.id and l.sku = r.sku
                            where not exists (select 1 from orders.historical_returns h
                                              where h.reference = r.reference and h.line_no = r.line_no)
                            order by r.reference, r.line_no, o.placed_at desc, o.number desc, l.line_no desc)
                        select c.*, greatest(0, least(c.quantity, c.left_to_return - coalesce(sum(c.quantity) over (
                                partition by c.line_id order by c.returned_at, c.reference, c.line_no
                                rows between unbounded preceding and 1 preceding), 0)))::int as applied
                        from candidates c;
                        create temp table import_returned_orders on commit drop as
                        select distinct order_id from import_matched_returns where applied > 0
                        """)
                .update();
        int alreadyApplied = count(
                """
                select count(*) from import_returns r
                where exists (select 1 from orders.historical_returns h where h.reference = r.reference and h.line_no = r.line_no)
                """);
        int staged = count("select count(*) from (select distinct reference, line_no from import_returns) r");
        jdbc.sql(
                        """
                        insert into orders.historical_returns (reference, line_no, order_line_id, returned_at, requested, applied)
                        select reference, line_no, line_id, returned_at, quantity, applied from import_matched_returns
                        """)
                .update();
        jdbc.sql(
                        """
                        update orders.order_lines l set returned = l.returned + m.units, refunded = l.refunded + m.units
                        from (select line_id, sum(applied) as units from import_matched_returns
                              group by line_id having sum(applied) > 0) m
                        where l.id = m.line_id
                        """)
                .update();
        return jdbc.sql(
                        """
                        select count(*) filter (where applied > 0), count(*) filter (where applied = 0),
                            coalesce(sum(applied), 0), coalesce(sum(quantity - applied), 0), count(*)
                        from import_matched_returns
                        """)
                .query((rs, row) -> new Outcome(
                        rs.getInt(1),
                        alreadyApplied,
                        staged - alreadyApplied - rs.getInt(5),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4)))
                .single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
