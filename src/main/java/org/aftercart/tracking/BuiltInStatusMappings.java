package org.aftercart.tracking;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * The mapping table shipped with Aftercart: one row per carrier code (and detail, when a detail
 * changes the meaning), as data in {@value #RESOURCE}. A new version of the table is a new file, so
 * each stored event says which version mapped it.
 */
public final class BuiltInStatusMappings {

    static final String RESOURCE = "tracking/status-mappings-v1.csv";
    public static final String VERSION = "built-in v1";

    /** One row of the table; an empty detail is the code's own row. */
    public record Row(String vocabulary, String code, String detail, TrackingStatus status) {}

    private final Map<String, TrackingStatus> table;
    private final List<Row> rows;

    private BuiltInStatusMappings(Map<String, TrackingStatus> table, List<Row> rows) {
        this.table = table;
        this.rows = rows;
    }

    public static BuiltInStatusMappings load() {
        Map<String, TrackingStatus> table = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : csv) {
                String key = key(row.getField("vocabulary"), row.getField("code"), row.getField("detail"));
                TrackingStatus status = TrackingStatus.valueOf(row.getField("status"));
                if (table.put(key, status) != null) {
                    throw new IllegalStateException(RESOURCE + " maps " + key + " twice");
                }
                rows.add(new Row(row.getField("vocabulary"), row.getField("code"), row.getField("detail"), status));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.sort(Comparator.comparing(Row::vocabulary).thenComparing(Row::code).thenComparing(Row::detail));
        return new BuiltInStatusMappings(Map.copyOf(table), List.copyOf(rows));
    }

    /** The row for exactly this code and detail ({@code null} detail: the code's own row). */
    public Optional<TrackingStatus> find(String vocabulary, String code, @Nullable String detail) {
        return Optional.ofNullable(table.get(key(vocabulary, code, detail == null ? "" : detail)));
    }

    /** Every row, by vocabulary, code and detail. */
    public List<Row> rows() {
        return rows;
    }

    Set<String> vocabularies() {
        return table.keySet().stream()
                .map(key -> key.substring(0, key.indexOf('\u0000')))
                .collect(Collectors.toSet());
    }

    private static String key(String vocabulary, String code, String detail) {
        return vocabulary + '\u0000' + code + '\u0000' + detail;
    }
}
