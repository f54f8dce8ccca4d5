package org.aftercart.customers;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.aftercart.platform.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds many customers at once, e.g. from an imported sales history, recognised by the reference the
 * source system gives them. Customers already known (same reference or same e-mail) are left as
 * they are, so loading the same records twice adds nothing. Runs in the caller's transaction when
 * there is one.
 */
@Service
public class CustomerBulkLoad {

    /** A customer to add; {@code externalRef} is the source's key, such as {@code uci:17850}. */
    public record NewCustomer(
            String externalRef, @Nullable String email, @Nullable String name, @Nullable String country) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CustomerBulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Returns the number of customers added. */
    @Transactional
    public int addMissing(Stream<NewCustomer> customers) {
        jdbc.sql(
                        """
                        create temp table if not exists import_customers (
                            external_ref text, email text, name text, country text
                        ) on commit drop
                        """)
                .update();
        jdbc.sql("truncate import_customers").update();
        try (CopyWriter copy = CopyWriter.open(
                DataSourceUtils.getConnection(dataSource),
                "import_customers",
                "external_ref",
                "email",
                "name",
                "country")) {
            customers.forEach(customer -> copy.value(customer.externalRef())
                    .value(
                            customer.email() == null
                                    ? null
                                    : customer.email().trim().toLowerCase(Locale.ROOT))
                    .value(customer.name())
                    .value(customer.country())
                    .endRow());
            copy.finish();
        }
        return jdbc.sql(
                        """
                        insert into customers.customers (id, external_ref, email, name, country)
                        select gen_random_uuid(), external_ref, email, name, country from import_customers
                        on conflict do nothing
                        """)
                .update();
    }

    /** The customers known by these references; unknown references are left out. */
    public Map<String, CustomerId> idsByExternalRef(Collection<String> externalRefs) {
        if (externalRefs.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select external_ref, id from customers.customers where external_ref = any(?)")
                .param(externalRefs.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), new CustomerId(rs.getObject(2, UUID.class))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
