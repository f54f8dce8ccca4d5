package org.aftercart.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of what staff did in the console: who, when, which route, on what subject, with which
 * form fields (secrets left out), how it ended, and what the subject looked like before and after
 * when the action can say. {@link StaffAuditFilter} writes one entry per state-changing console
 * request, the console's access-denied handler one per refusal; an action adds what only it knows
 * through the static methods here, which attach to the request being served.
 */
@Service
public class StaffAudit {

    /** How a recorded request ended. */
    public enum Outcome {
        /** The action was done. */
        DONE,
        /** The module refused it (a business rule, invalid input): nothing changed. */
        REJECTED,
        /** The staff member's role may not do this: nothing ran. */
        REFUSED,
        /** It failed with an error. */
        FAILED
    }

    /** What a console request did, as the log keeps it. */
    public record Action(
            String staff,
            String method,
            String route,
            String path,
            @Nullable String subjectType,
            @Nullable String subjectId,
            Outcome outcome,
            @Nullable String detail,
            Map<String, List<String>> fields,
            @Nullable Object before,
            @Nullable Object after) {}

    /** One entry of the log; before and after are JSON text. */
    public record Entry(
            long id,
            Instant at,
            String staff,
            String method,
            String route,
            String path,
            @Nullable String subjectType,
            @Nullable String subjectId,
            Outcome outcome,
            @Nullable String detail,
            Map<String, List<String>> fields,
            @Nullable String before,
            @Nullable String after) {}

    /** A page of entries, newest first, and the id to continue before (null on the last page). */
    public record Page(List<Entry> entries, @Nullable Long nextBefore) {}

    /** Form fields never written down, by name: passwords, tokens, secrets, codes, keys. */
    static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(password|passwd|secret|token|code|key|csrf|pin).*");

    static final int MAX_FIELD_LENGTH = 500;

    static final String BEFORE = StaffAudit.class.getName() + ".before";
    static final String AFTER = StaffAudit.class.getName() + ".after";
    static final String REJECTED = StaffAudit.class.getName() + ".rejected";
    static final String SUBJECT_TYPE = StaffAudit.class.getName() + ".subjectType";
    static final String SUBJECT_ID = StaffAudit.class.getName() + ".subjectId";
    static final String NOTHING_CHANGED = StaffAudit.class.getName() + ".nothingChanged";

    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StaffAudit(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The subject as it was before the action and as the action left it (any JSON-writable value). */
    public static void change(@Nullable Object before, @Nullable Object after) {
        attach(BEFORE, before);
        attach(AFTER, after);
    }

    /** The action was refused by the module, for this reason: recorded as {@link Outcome#REJECTED}. */
    public static void rejected(String reason) {
        attach(REJECTED, reason);
    }

    /**
     * This request is posted but changes nothing (a preview): it is left out of the log, which would
     * otherwise fill with one entry per keystroke.
     */
    public static void changesNothing() {
        attach(NOTHING_CHANGED, Boolean.TRUE);
    }

    /** Names the subject when the route does not (e.g. the return a counter sale created). */
    public static void subject(String type, String id) {
        attach(SUBJECT_TYPE, type);
        attach(SUBJECT_ID, id);
    }

    private static void attach(String name, @Nullable Object value) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && value != null) {
            request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }

    public void record(Action action) {
        jdbc.sql(
                        """
                        insert into platform.staff_audit
                            (staff, method, route, path, subject_type, subject_id, outcome, detail, fields, before, after)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                        """)
                .params(
                        action.staff(),
                        action.method(),
                        action.route(),
                        action.path(),
                        action.subjectType(),
                        action.subjectId(),
                        action.outcome().name(),
                        action.detail(),
                        json.writeValueAsString(action.fields()),
                        action.before() == null ? null : json.writeValueAsString(action.before()),
                        action.after() == null ? null : json.writeValueAsString(action.after()))
                .update();
    }

    /**
     * Entries newest first, optionally only one staff member's and only about one subject (its id),
     * continuing before an entry id (keyset pagination: each page costs the same however deep).
     */
    public Page search(@Nullable String staff, @Nullable String subjectId, @Nullable Long before, int size) {
        List<Entry> entries = jdbc.sql(
                        """
                        select id, at, staff, method, route, path, subject_type, subject_id, outcome, detail,
                               fields, before, after
                        from platform.staff_audit
                        where (cast(:staff as text) is null or staff = :staff)
                          and (cast(:subject as text) is null or subject_id = :subject)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc
                        limit :limit
                        """)
                .param("staff", blankToNull(staff))
                .param("subject", blankToNull(subjectId))
                .param("before", before)
                .param("limit", size + 1)
                .query((rs, row) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("staff"),
                        rs.getString("method"),
                        rs.getString("route"),
                        rs.getString("path"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail"),
                        json.readValue(rs.getString("fields"), FIELDS),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
        if (entries.size() <= size) {
            return new Page(entries, null);
        }
        List<Entry> shown = entries.subList(0, size);
        return new Page(List.copyOf(shown), shown.getLast().id());
    }

    /** The request's form fields without the secret ones, each value cut to a readable length. */
    static Map<String, List<String>> fieldsOf(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!SECRET_FIELD.matcher(name).matches()) {
                fields.put(
                        name,
                        java.util.Arrays.stream(values)
                                .map(value -> value.length() <= MAX_FIELD_LENGTH
                                        ? value
                                        : value.substring(0, MAX_FIELD_LENGTH) + "…")
                                .toList());
            }
        });
        return fields;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
