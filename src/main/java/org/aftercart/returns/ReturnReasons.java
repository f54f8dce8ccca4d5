package org.aftercart.returns;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchant's active return reasons, parents before their children. */
@Repository
class ReturnReasons {

    private final JdbcClient jdbc;

    ReturnReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReturnReason> all() {
        return jdbc.sql(
                        """
                        select r.code, r.parent_code, r.position, r.requires_photo, r.requires_comment,
                               r.requires_inspection
                        from returns.reasons r left join returns.reasons p on p.code = r.parent_code
                        where r.active order by coalesce(p.position, r.position), r.parent_code nulls first, r.position
                        """)
                .query((rs, row) -> new ReturnReason(
                        rs.getString("code"),
                        rs.getString("parent_code"),
                        rs.getInt("position"),
                        rs.getBoolean("requires_photo"),
                        rs.getBoolean("requires_comment"),
                        rs.getBoolean("requires_inspection")))
                .list();
    }

    Map<String, ReturnReason> byCode() {
        return all().stream().collect(Collectors.toMap(ReturnReason::code, Function.identity()));
    }
}
