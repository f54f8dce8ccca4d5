package org.aftercart.customers;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's public API. */
@Service
public class Customers {

    /** More would not personalise anything better. */
    public static final int MAX_FAVOURITE_CATEGORIES = 20;

    /** Who withdrew consent through the link at the foot of a marketing message. */
    static final String UNSUBSCRIBE_LINK = "customer (unsubscribe link)";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    Customers(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
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

    /**
     * The customer known by this e-mail address, as given or in lower case (addresses are kept as
     * the channel sent them; both ways use the unique index); empty when none.
     */
    public Optional<CustomerId> findByEmail(String email) {
        String given = email.strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        select id from customers.customers where email = :given or email = :lower
                        order by (email = :given) desc limit 1
                        """)
                .param("given", given)
                .param("lower", given.toLowerCase(java.util.Locale.ROOT))
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * A page of the customers, not erased, whose e-mail address starts with the term, any word of
     * whose name starts with the term's words, or whose phone number ends with the national digits
     * of the term (a number written with its country code or without); by name. Each of the three
     * is answered by an index (V4__customer_search).
     *
     * @param page zero-based
     * @param size at most 100 customers a page
     */
    public CustomerSearchPage search(String query, int page, int size) {
        int pageSize = Math.clamp(size, 1, 100);
        int pageNumber = Math.max(page, 0);
        String term = query.strip().toLowerCase(java.util.Locale.ROOT);
        if (term.isEmpty()) {
            return new CustomerSearchPage(List.of(), 0, pageSize, false);
        }
        String nameQuery = java.util.Arrays.stream(term.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word + ":*")
                .collect(java.util.stream.Collectors.joining(" & "));
        Optional<String> phoneDigits = PhoneSearchKey.of(term);
        StringBuilder sql = new StringBuilder("select " + PROFILE_COLUMNS
                + " from customers.customers where erased_at is null and (lower(email) like :prefix escape '\\'");
        if (!nameQuery.isEmpty()) {
            sql.append(" or to_tsvector('simple', coalesce(name, '')) @@ to_tsquery('simple', :nameQuery)");
        }
        if (phoneDigits.isPresent()) {
            sql.append(" or (phone is not null and reverse(regexp_replace(phone, '[^0-9]', '', 'g')) like :phone)");
        }
        sql.append(") order by lower(name) nulls last, lower(email), id limit :limit offset :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("prefix", term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", pageSize + 1)
                .param("offset", (long) pageNumber * pageSize);
        if (!nameQuery.isEmpty()) {
            statement = statement.param("nameQuery", nameQuery);
        }
        if (phoneDigits.isPresent()) {
            statement = statement.param("phone", new StringBuilder(phoneDigits.get()).reverse() + "%");
        }
        List<CustomerProfile> rows = new java.util.ArrayList<>(
                statement.query((rs, row) -> profile(rs)).list());
        boolean hasNext = rows.size() > pageSize;
        if (hasNext) {
            rows.removeLast();
        }
        return new CustomerSearchPage(rows, pageNumber, pageSize, hasNext);
    }

    /** The customers with these ids that exist, in no particular order. */
    public List<CustomerProfile> findAll(java.util.Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + PROFILE_COLUMNS + " from customers.customers where id = any(?)")
                .param(ids.stream().map(CustomerId::id).toArray(UUID[]::new))
                .query((rs, row) -> profile(rs))
                .list();
    }

    private static final String PROFILE_COLUMNS =
            "id, email, name, phone, preferred_channel, language, time_zone, country";

    private static CustomerProfile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomerProfile(
                new CustomerId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("phone"),
                ContactChannel.valueOf(rs.getString("preferred_channel")),
                rs.getString("language"),
                rs.getString("time_zone"),
                rs.getString("country"));
    }

    /**
     * The customer with this phone number, however either was written ({@code +44 7700 900123},
     * {@code 07700-900123}): the numbers whose digits end with its national digits, answered by the
     * customer search's index; the most recently registered when several match; empty when none or
     * when it is not a phone number.
     */
    public Optional<CustomerId> findByPhone(String phone) {
        Optional<String> digits = PhoneSearchKey.of(phone);
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        select id from customers.customers
                        where erased_at is null and phone is not null
                          and reverse(regexp_replace(phone, '[^0-9]', '', 'g')) like ?
                        order by created_at desc limit 1
                        """)
                .param(new StringBuilder(digits.get()).reverse() + "%")
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
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

    /** How the customer wants to be reached; empty for an unknown customer. */
    public Optional<ContactPreferences> contactPreferences(CustomerId id) {
        Map<String, ContactChannel> choices = new HashMap<>();
        jdbc.sql("select message_kind, channel from customers.channel_choices where customer_id = ?")
                .param(id.id())
                .query(rs -> {
                    choices.put(rs.getString(1), ContactChannel.valueOf(rs.getString(2)));
                });
        return jdbc.sql(
                        """
                        select preferred_channel, marketing_consent, quiet_hours_start, quiet_hours_end,
                               time_zone, language
                        from customers.customers where id = ?
                        """)
                .param(id.id())
                .query((rs, row) -> new ContactPreferences(
                        ContactChannel.valueOf(rs.getString("preferred_channel")),
                        choices,
                        rs.getBoolean("marketing_consent"),
                        rs.getObject("quiet_hours_start", LocalTime.class),
                        rs.getObject("quiet_hours_end", LocalTime.class),
                        zoneOrNull(rs.getString("time_zone")),
                        rs.getString("language")))
                .optional();
    }

    /**
     * Replaces how the customer wants to be reached, as the customer (or an agent for them) said; an
     * erased customer is not found.
     * Giving marketing consent records when; withdrawing it takes effect for every message not yet
     * sent.
     */
    @Transactional
    public ContactPreferences updateContactPreferences(CustomerId id, ContactPreferences preferences) {
        return updateContactPreferences(id, preferences, "customer");
    }

    /**
     * {@link #updateContactPreferences(CustomerId, ContactPreferences)} by someone named, for the
     * customer's timeline ({@link ContactPreferencesChanged}).
     *
     * @param changedBy as the journal names actors: {@code customer}, {@code staff:<e-mail>}
     */
    @Transactional
    public ContactPreferences updateContactPreferences(
            CustomerId id, ContactPreferences preferences, String changedBy) {
        int updated = jdbc.sql(
                        """
                        update customers.customers set
                            preferred_channel = :channel,
                            marketing_consent_at = case
                                when :consent and not marketing_consent then now()
                                when :consent then marketing_consent_at
                                end,
                            marketing_consent = :consent,
                            quiet_hours_start = :quietStart,
                            quiet_hours_end = :quietEnd,
                            time_zone = :zone,
                            language = :language
                        where id = :id and erased_at is null
                        """)
                .param("id", id.id())
                .param("channel", preferences.preferredChannel().name())
                .param("consent", preferences.marketingConsent())
                .param("quietStart", preferences.quietHoursStart())
                .param("quietEnd", preferences.quietHoursEnd())
                .param(
                        "zone",
                        preferences.timeZone() == null
                                ? null
                                : preferences.timeZone().getId())
                .param("language", preferences.language())
                .update();
        if (updated == 0) {
            throw new CustomerNotFound(id);
        }
        jdbc.sql("delete from customers.channel_choices where customer_id = ?")
                .param(id.id())
                .update();
        preferences.channelByKind().forEach((kind, channel) -> jdbc.sql(
                        "insert into customers.channel_choices (customer_id, message_kind, channel) values (?, ?, ?)")
                .params(id.id(), kind, channel.name())
                .update());
        events.publishEvent(
                new ContactPreferencesChanged(id.id(), changedBy, preferences.marketingConsent(), Instant.now()));
        return preferences;
    }

    /** The birthday and favourite categories the customer chose to give; empty for an unknown customer. */
    public Optional<ProfileDetails> profileDetails(CustomerId id) {
        return jdbc.sql(
                        """
                        select birthday_month, birthday_day, birthday_year, favourite_categories
                        from customers.customers where id = ?
                        """)
                .param(id.id())
                .query((rs, row) -> {
                    Birthday birthday = rs.getObject("birthday_month") == null
                            ? null
                            : new Birthday(
                                    rs.getInt("birthday_month"),
                                    rs.getInt("birthday_day"),
                                    rs.getObject("birthday_year", Integer.class));
                    String[] categories =
                            (String[]) rs.getArray("favourite_categories").getArray();
                    return new ProfileDetails(birthday, List.of(categories));
                })
                .optional();
    }

    /**
     * Replaces the birthday and favourite categories. Each category must be one of the catalog's
     * ({@link Catalog#categories()}); repeats are dropped.
     *
     * @throws InvalidProfileDetails for an unknown category or too many of them
     * @throws CustomerNotFound for an unknown or erased customer
     */
    @Transactional
    public ProfileDetails updateProfileDetails(CustomerId id, ProfileDetails details) {
        List<String> favourites = details.favouriteCategories().stream()
                .map(String::trim)
                .distinct()
                .toList();
        if (favourites.size() > MAX_FAVOURITE_CATEGORIES) {
            throw new InvalidProfileDetails(
                    "At most " + MAX_FAVOURITE_CATEGORIES + " favourite categories; " + favourites.size() + " given.");
        }
        Set<String> known = new HashSet<>(catalog.categories());
        List<String> unknown = favourites.stream()
                .filter(category -> !known.contains(category))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidProfileDetails(
                    "Not categories of the catalog: " + unknown + ". Known categories: " + catalog.categories() + ".");
        }
        Birthday birthday = details.birthday();
        int updated = jdbc.sql(
                        """
                        update customers.customers set
                            birthday_month = ?, birthday_day = ?, birthday_year = ?, favourite_categories = ?
                        where id = ? and erased_at is null
                        """)
                .param(birthday == null ? null : birthday.month())
                .param(birthday == null ? null : birthday.day())
                .param(birthday == null ? null : birthday.year())
                .param(favourites.toArray(String[]::new))
                .param(id.id())
                .update();
        if (updated == 0) {
            throw new CustomerNotFound(id);
        }
        return new ProfileDetails(birthday, favourites);
    }

    /**
     * One-click unsubscribe: no more marketing messages, whatever else the customer chose. Told once
     * (on the customer's timeline), however often the link is followed.
     */
    @Transactional
    public void withdrawMarketingConsent(CustomerId id) {
        int withdrawn = jdbc.sql(
                        """
                        update customers.customers set marketing_consent = false, marketing_consent_at = null
                        where id = ? and marketing_consent
                        """)
                .param(id.id())
                .update();
        if (withdrawn > 0) {
            events.publishEvent(new ContactPreferencesChanged(id.id(), UNSUBSCRIBE_LINK, false, Instant.now()));
        }
    }

    private static @Nullable ZoneId zoneOrNull(@Nullable String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
