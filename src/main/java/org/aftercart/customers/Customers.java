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
        return jdbc.sql(
                        """
                        insert into customers.customers (id, email, name, phone, preferred_channel, language, country)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (email) do update set
                            name = coalesce(customers.customers.name, excluded.name),
                            phone = coalesce(customers.customers.phone, excluded.phone),
                            country = coalesce(customers.customers.country, excluded.country)
                        returning id
                        """)
                .params(
                        UUID.randomUUID(),
                        details.email(),
                        details.name(),
                        details.phone(),
                        (details.preferredChannel() == null ? ContactChannel.EMAIL : details.preferredChannel()).name(),
                        details.language() == null ? "en" : details.language(),
                        details.country())
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
