package org.aftercart.customers;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's public API. */
@Service
public class Customers {

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds the customer with this e-mail address or registers a new one. Details already on file are
     * kept; missing ones are filled in from the channel. Safe under concurrent calls for one address.
     */
    @Transactional
    public CustomerId findOrRegister(ContactDetails details) {
        // A returning customer whose details are all known is only read: an unconditional
        // "do update" would write a new row version (and its index entries) on every order.
        return jdbc.sql(
                        """
                        with registered as (
                            insert into customers.customers (id, email, name, phone, preferred_channel, language, country)
                            values (:id, :email, :name, :phone, :channel, :language, :country)
                            on conflict (email) do update set
                                name = coalesce(customers.customers.name, excluded.name),
                                phone = coalesce(customers.customers.phone, excluded.phone),
                                country = coalesce(customers.customers.country, excluded.country)
                            where (customers.customers.name is null and excluded.name is not null)
                                or (customers.customers.phone is null and excluded.phone is not null)
                                or (customers.customers.country is null and excluded.country is not null)
                            returning id
                        )
                        select id from registered
                        union all
                        select id from customers.customers
                        where email = :email and not exists (select 1 from registered)
                        """)
                .param("id", UUID.randomUUID())
                .param("email", details.email())
                .param("name", details.name())
                .param("phone", details.phone())
                .param(
                        "channel",
                        (details.preferredChannel() == null ? ContactChannel.EMAIL : details.preferredChannel()).name())
                .param("language", details.language() == null ? "en" : details.language())
                .param("country", details.country())
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional()
                // Registered by a transaction that committed after this statement's snapshot.
                .orElseGet(() -> byEmail(details.email()));
    }

    private CustomerId byEmail(String email) {
        return jdbc.sql("select id from customers.customers where email = ?")
                .param(email)
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class)))
                .single();
    }

    public Optional<CustomerProfile> find(CustomerId id) {
        return jdbc.sql(
                        """
                        select id, email, name, phone, preferred_channel, language, time_zone, country
                        from customers.customers where id = ?
                        """)
                .param(id.id())
                .query((rs, row) -> new CustomerProfile(
                        new CustomerId(rs.getObject("id", UUID.class)),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        ContactChannel.valueOf(rs.getString("preferred_channel")),
                        rs.getString("language"),
                        rs.getString("time_zone"),
                        rs.getString("country")))
                .optional();
    }
}
