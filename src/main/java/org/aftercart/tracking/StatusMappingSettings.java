package org.aftercart.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier status mappings as the settings page shows and changes them: the built-in table with
 * the merchant's overrides over it, setting and removing an override (checked here, whoever asks),
 * and the codes recent events came with that nothing mapped, so the merchant knows what to map.
 */
@Service
public class StatusMappingSettings {

    public static final int MAX_CODE_LENGTH = 200;

    /**
     * One code (with a detail, or its own row when detail is empty): what the built-in table says
     * (null when only the merchant maps it) and the merchant's override, if any.
     */
    public record Row(
            String vocabulary,
            String code,
            String detail,
            @Nullable TrackingStatus builtIn,
            @Nullable TrackingStatus override,
            @Nullable String overriddenBy,
            @Nullable Instant overriddenAt) {

        /** The status new events with this code get. */
        public TrackingStatus effective() {
            return override != null ? override : java.util.Objects.requireNonNull(builtIn);
        }
    }

    /** One page of rows, numbered from 0. */
    public record Page(List<Row> rows, int page, int pages, int total) {}

    /** A code events came with that no mapping knew, how often lately, and what maps it now. */
    public record UnmappedCode(
            String vocabulary, String code, String detail, long events, Instant lastSeen, StatusMappings.Mapped now) {}

    private final StatusMappings mappings;
    private final JdbcClient jdbc;
    private final Clock clock;

    StatusMappingSettings(StatusMappings mappings, JdbcClient jdbc, Clock clock) {
        this.mappings = mappings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The vocabularies a mapping may be set for: the carriers' and aggregators' of the built-in table. */
    public List<String> vocabularies() {
        return mappings.builtIn().vocabularies().stream().sorted().toList();
    }

    /**
     * The built-in rows and the merchant's overrides, by vocabulary, code and detail, optionally of
     * one vocabulary and with the text in the code or detail (any case).
     */
    public Page search(@Nullable String vocabulary, @Nullable String code, int page, int size) {
        String text = code == null || code.isBlank() ? null : code.strip().toLowerCase(Locale.ROOT);
        List<Row> matching = rows().stream()
                .filter(row -> vocabulary == null
                        || vocabulary.isBlank()
                        || row.vocabulary().equals(vocabulary))
                .filter(row -> text == null
                        || row.code().toLowerCase(Locale.ROOT).contains(text)
                        || row.detail().toLowerCase(Locale.ROOT).contains(text))
                .toList();
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        int shown = Math.clamp(page, 0, pages - 1);
        List<Row> slice = matching.subList(
                Math.min(shown * size, matching.size()), Math.min((shown + 1) * size, matching.size()));
        return new Page(List.copyOf(slice), shown, pages, matching.size());
    }

    /** This exact code and detail (empty: the code's own row), built in or overridden. */
    public Optional<Row> row(String vocabulary, String code, String detail) {
        return rows().stream()
                .filter(row -> row.vocabulary().equals(vocabulary)
                        && row.code().equals(code)
                        && row.detail().equals(detail))
                .findFirst();
    }

    private List<Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (BuiltInStatusMappings.Row row : mappings.builtIn().rows()) {
            rows.put(
                    key(row.vocabulary(), row.code(), row.detail()),
                    new Row(row.vocabulary(), row.code(), row.detail(), row.status(), null, null, null));
        }
        for (Row override : overrideRows()) {
            String key = key(override.vocabulary(), override.code(), override.detail());
            Row builtIn = rows.get(key);
            rows.put(
                    key,
                    new Row(
                            override.vocabulary(),
                            override.code(),
                            override.detail(),
                            builtIn == null ? null : builtIn.builtIn(),
                            override.override(),
                            override.overriddenBy(),
                            override.overriddenAt()));
        }
        return rows.values().stream()
                .sorted(Comparator.comparing(Row::vocabulary)
                        .thenComparing(Row::code)
                        .thenComparing(Row::detail))
                .toList();
    }

    /** The merchant's override of this code and detail, if one is set. */
    public Optional<Row> override(String vocabulary, String code, @Nullable String detail) {
        String wanted = detail == null ? "" : detail;
        return overrideRows().stream()
                .filter(row -> row.vocabulary().equals(vocabulary)
                        && row.code().equals(code)
                        && row.detail().equals(wanted))
                .findFirst();
    }

    /**
     * Maps this code (and detail, or the code whatever its detail when none) to a status for events
     * taken in from now on; stored events keep theirs. Returns the override it replaced, if any.
     */
    @Transactional
    public Optional<Row> set(
            @Nullable String vocabulary,
            @Nullable String code,
            @Nullable String detail,
            @Nullable TrackingStatus status,
            String actor) {
        List<InvalidStatusMapping.FieldProblem> problems = new ArrayList<>();
        if (vocabulary == null || !mappings.knows(vocabulary)) {
            problems.add(new InvalidStatusMapping.FieldProblem(
                    InvalidStatusMapping.Field.VOCABULARY, "must be one of " + vocabularies()));
        }
        String trimmedCode = code == null ? "" : code.strip();
        if (trimmedCode.isEmpty() || trimmedCode.length() > MAX_CODE_LENGTH) {
            problems.add(new InvalidStatusMapping.FieldProblem(
                    InvalidStatusMapping.Field.CODE, "must be 1 to " + MAX_CODE_LENGTH + " characters"));
        }
        String trimmedDetail = detail == null ? "" : detail.strip();
        if (trimmedDetail.length() > MAX_CODE_LENGTH) {
            problems.add(new InvalidStatusMapping.FieldProblem(
                    InvalidStatusMapping.Field.DETAIL, "must be at most " + MAX_CODE_LENGTH + " characters"));
        }
        if (status == null) {
            problems.add(new InvalidStatusMapping.FieldProblem(
                    InvalidStatusMapping.Field.STATUS, "must be one of the tracking statuses"));
        }
        if (!problems.isEmpty() || vocabulary == null || status == null) {
            throw new InvalidStatusMapping(problems);
        }
        Optional<Row> before = override(vocabulary, trimmedCode, trimmedDetail);
        mappings.override(
                new StatusMappings.Override(
                        vocabulary, trimmedCode, trimmedDetail.isEmpty() ? null : trimmedDetail, status),
                actor);
        return before;
    }

    /** Removes the override of this code and detail; returns it, or nothing when there was none. */
    @Transactional
    public Optional<Row> remove(String vocabulary, String code, @Nullable String detail) {
        Optional<Row> before = override(vocabulary, code, detail);
        before.ifPresent(row -> mappings.removeOverride(vocabulary, code, detail));
        return before;
    }

    /**
     * The codes events taken in during the last {@code window} came with that nothing mapped (they
     * got "no information"), most frequent first.
     */
    public List<UnmappedCode> unmapped(Duration window, int limit) {
        return jdbc.sql(
                        """
                        select vocabulary, code, coalesce(detail, '') as detail, count(*) as events,
                               max(received_at) as last_seen
                        from tracking.events
                        where mapping = 'unmapped' and received_at >= ?
                        group by vocabulary, code, coalesce(detail, '')
                        order by events desc, vocabulary, code, detail
                        limit ?
                        """)
                .params(java.sql.Timestamp.from(clock.instant().minus(window)), limit)
                .query((rs, row) -> new UnmappedCode(
                        rs.getString("vocabulary"),
                        rs.getString("code"),
                        rs.getString("detail"),
                        rs.getLong("events"),
                        rs.getTimestamp("last_seen").toInstant(),
                        mappings.map(
                                rs.getString("vocabulary"),
                                rs.getString("code"),
                                rs.getString("detail").isEmpty() ? null : rs.getString("detail"))))
                .list();
    }

    private List<Row> overrideRows() {
        return jdbc.sql(
                        """
                        select vocabulary, code, detail, status, set_by, set_at
                        from tracking.status_mapping_overrides
                        order by vocabulary, code, detail
                        """)
                .query((rs, row) -> new Row(
                        rs.getString("vocabulary"),
                        rs.getString("code"),
                        rs.getString("detail"),
                        null,
                        TrackingStatus.valueOf(rs.getString("status")),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .list();
    }

    private static String key(String vocabulary, String code, String detail) {
        return vocabulary + '\u0000' + code + '\u0000' + detail;
    }
}
