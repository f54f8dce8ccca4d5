package org.aftercart.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchant's return reasons and their labels, parents before their children. */
@Repository
class ReturnReasons {

    /** Parents by position, each followed by its children by position. */
    private static final String TREE_ORDER =
            " order by coalesce(p.position, r.position), coalesce(p.code, r.code), r.parent_code nulls first, r.position, r.code";

    private final JdbcClient jdbc;

    ReturnReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What customers may choose: active reasons whose parent, if any, is active too. */
    List<ReturnReason> all() {
        return select("where r.active and (p.code is null or p.active)");
    }

    /** Every reason, inactive ones included, for the merchant's settings. */
    List<ReturnReason> everything() {
        return select("");
    }

    Map<String, ReturnReason> byCode() {
        return all().stream().collect(Collectors.toMap(ReturnReason::code, Function.identity()));
    }

    /** The reason with this code, active or not. */
    Optional<ReturnReason> find(String code) {
        return select("where r.code = ?", code).stream().findFirst();
    }

    /** How many returns gave each reason, by code (reasons never given are absent). */
    Map<String, Long> usage() {
        Map<String, Long> usage = new HashMap<>();
        jdbc.sql(
                        "select reason_code, count(distinct return_id) as returns from returns.return_items group by reason_code")
                .query(rs -> {
                    usage.put(rs.getString("reason_code"), rs.getLong("returns"));
                });
        return usage;
    }

    /** The labels the merchant wrote for this reason, by language; empty when it has none. */
    Map<String, String> labelsOf(String code) {
        Map<String, String> labels = new HashMap<>();
        jdbc.sql("select language, label from returns.reason_labels where code = ?")
                .param(code)
                .query(rs -> {
                    labels.put(rs.getString("language"), rs.getString("label"));
                });
        return labels;
    }

    void insert(ReturnReason reason) {
        jdbc.sql(
                        """
                        insert into returns.reasons (code, parent_code, position, requires_photo, requires_comment,
                            requires_inspection, active)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        reason.code(),
                        reason.parentCode(),
                        reason.position(),
                        reason.requiresPhoto(),
                        reason.requiresComment(),
                        reason.requiresInspection(),
                        reason.active())
                .update();
        writeLabels(reason.code(), reason.labels());
    }

    void update(String code, boolean requiresPhoto, boolean requiresComment, boolean requiresInspection) {
        jdbc.sql(
                        """
                        update returns.reasons set requires_photo = ?, requires_comment = ?, requires_inspection = ?
                        where code = ?
                        """)
                .params(requiresPhoto, requiresComment, requiresInspection, code)
                .update();
    }

    /** Replaces the merchant's labels of a reason: languages left out fall back to the bundles. */
    void writeLabels(String code, Map<String, String> labels) {
        jdbc.sql("delete from returns.reason_labels where code = ?").param(code).update();
        labels.forEach((language, label) -> jdbc.sql(
                        "insert into returns.reason_labels (code, language, label) values (?, ?, ?)")
                .params(code, language, label)
                .update());
    }

    void setActive(String code, boolean active) {
        jdbc.sql("update returns.reasons set active = ? where code = ?")
                .params(active, code)
                .update();
    }

    void setPosition(String code, int position) {
        jdbc.sql("update returns.reasons set position = ? where code = ?")
                .params(position, code)
                .update();
    }

    /** The position after every reason of the same level under the same parent. */
    int nextPosition(@Nullable String parentCode) {
        Integer last = jdbc.sql("select max(position) from returns.reasons where parent_code is not distinct from ?")
                .param(parentCode)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return last == null ? 10 : last + 10;
    }

    /** Serialises changes to the reasons, so that two admins' moves cannot interleave. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('returns:reasons', 0))")
                .query((rs, row) -> 1)
                .single();
    }

    private List<ReturnReason> select(String where, Object... params) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        jdbc.sql("select code, language, label from returns.reason_labels").query(rs -> {
            labels.computeIfAbsent(rs.getString("code"), code -> new HashMap<>())
                    .put(rs.getString("language"), rs.getString("label"));
        });
        return jdbc.sql(
                        """
                        select r.code, r.parent_code, r.position, r.requires_photo, r.requires_comment,
                               r.requires_inspection, r.active
                        from returns.reasons r left join returns.reasons p on p.code = r.parent_code
                        """
                                + where
                                + TREE_ORDER)
                .params(params)
                .query((rs, row) -> reason(rs, labels))
                .list();
    }

    private static ReturnReason reason(ResultSet rs, Map<String, Map<String, String>> labels) throws SQLException {
        String code = rs.getString("code");
        return new ReturnReason(
                code,
                rs.getString("parent_code"),
                rs.getInt("position"),
                rs.getBoolean("requires_photo"),
                rs.getBoolean("requires_comment"),
                rs.getBoolean("requires_inspection"),
                rs.getBoolean("active"),
                labels.getOrDefault(code, Map.of()));
    }
}
