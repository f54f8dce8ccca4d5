package org.aftercart.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The privacy module's public API: a customer's requests to download all their data and to have it
 * erased, made from the account page, the console or the REST API. Every module holding personal
 * data takes part through its {@link PersonalData} bean; none knows the others.
 */
@Service
public class PersonalDataRequests {

    /** The name and version of the export's format (docs/privacy.md); the version grows on breaking changes. */
    public static final String FORMAT = "aftercart-personal-data";

    public static final int FORMAT_VERSION = 1;

    static final int MAX_REASON_LENGTH = 500;

    private final List<PersonalData> modules;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final EventPublications events;
    private final JsonMapper json;
    private final Clock clock;

    PersonalDataRequests(
            List<PersonalData> modules,
            Customers customers,
            EventPublications events,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        // Those holding the customer's identity last: the others may read it while they erase.
        this.modules = modules.stream()
                .sorted(Comparator.comparing(PersonalData::holdsIdentity))
                .toList();
        this.events = events;
        this.customers = customers;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Everything Aftercart holds about the customer, as one UTF-8 JSON document (docs/privacy.md),
     * read in one transaction so that the modules' sections agree with each other.
     *
     * @throws CustomerNotFound for an unknown customer
     */
    @Transactional(readOnly = true)
    public byte[] export(CustomerId id) {
        requireKnown(id);
        ObjectNode document = json.createObjectNode();
        document.put("format", FORMAT);
        document.put("version", FORMAT_VERSION);
        document.put("customerId", id.toString());
        document.put("exportedAt", clock.instant().toString());
        erasure(id)
                .ifPresent(
                        erasure -> document.put("erasedAt", erasure.erasedAt().toString()));
        ObjectNode sections = document.putObject("modules");
        modules.stream()
                .sorted(Comparator.comparing(PersonalData::section))
                .forEach(module -> sections.set(module.section(), json.readTree(module.export(id.id()))));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    /**
     * Erases the customer's personal data, without a reason (e.g. {@code requestedBy} {@code
     * customer} from the account page); see {@link #erase(CustomerId, String, String)}.
     */
    @Transactional
    public Erasure erase(CustomerId id, String requestedBy) {
        return erase(id, requestedBy, null);
    }

    /**
     * Erases or anonymises the customer's personal data in every module, all or nothing, keeping what
     * accounting needs, and records the erasure. Asking again for an erased customer changes nothing
     * and returns the first record.
     *
     * @param requestedBy {@code customer}, or the staff member or API client asking for them
     * @param reason why, for the record; must not contain personal data
     * @throws CustomerNotFound for an unknown customer
     * @throws ErasureRefused while something under way needs the customer's data (nothing is erased)
     */
    @Transactional
    public Erasure erase(CustomerId id, String requestedBy, @Nullable String reason) {
        if (requestedBy.isBlank()) {
            throw new InvalidErasureRequest("Say who asks for the erasure.");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidErasureRequest("A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        requireKnown(id);
        // Two requests for one customer at once: the second waits and then finds the first's record.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('privacy.erasure:' || ?, 0))")
                .param(id.toString())
                .query()
                .singleValue();
        Optional<Erasure> done = erasure(id);
        if (done.isPresent()) {
            return done.get();
        }
        List<String> blockers = blockers(id);
        if (!blockers.isEmpty()) {
            throw new ErasureRefused(id, blockers);
        }
        String[] publications = events.patterns(id);
        modules.forEach(module -> module.erase(id.id()));
        events.forget(publications);
        List<String> names = java.util.stream.Stream.concat(
                        modules.stream().map(PersonalData::section),
                        java.util.stream.Stream.of(EventPublications.SECTION))
                .sorted()
                .toList();
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        insert into privacy.erasures (customer_id, requested_by, reason, modules, erased_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        id.id(),
                        requestedBy.strip(),
                        reason == null || reason.isBlank() ? null : reason.strip(),
                        names.toArray(String[]::new),
                        java.sql.Timestamp.from(now))
                .update();
        return erasure(id).orElseThrow();
    }

    /**
     * What must finish before the customer's data can be erased, one sentence each; empty when it can
     * be erased now (e.g. to tell the customer before they confirm).
     *
     * @throws CustomerNotFound for an unknown customer
     */
    @Transactional(readOnly = true)
    public List<String> erasureBlockers(CustomerId id) {
        requireKnown(id);
        return blockers(id);
    }

    private List<String> blockers(CustomerId id) {
        List<String> blockers = new ArrayList<>();
        modules.forEach(module -> blockers.addAll(module.erasureBlockers(id.id())));
        blockers.addAll(events.inFlight(id));
        return blockers;
    }

    /** The record of the customer's erasure; empty when their data was never erased. */
    public Optional<Erasure> erasure(CustomerId id) {
        return jdbc.sql("select requested_by, reason, modules, erased_at from privacy.erasures where customer_id = ?")
                .param(id.id())
                .query((rs, row) -> new Erasure(
                        id,
                        rs.getTimestamp("erased_at").toInstant(),
                        rs.getString("requested_by"),
                        rs.getString("reason"),
                        List.of((String[]) rs.getArray("modules").getArray())))
                .optional();
    }

    private void requireKnown(CustomerId id) {
        if (customers.find(id).isEmpty()) {
            throw new CustomerNotFound(id);
        }
    }
}
