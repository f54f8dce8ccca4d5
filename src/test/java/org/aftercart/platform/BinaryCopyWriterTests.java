package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Transactional;

/** What the binary writer sends is what PostgreSQL reads back, for every kind of value it writes. */
@SpringBootTest
@Transactional
class BinaryCopyWriterTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesUuidsIntsTextsAndDecimalsAsTheServerReadsThem() {
        jdbc.sql("create temp table binary_copy (id uuid, n int, t text, d numeric, p numeric(19, 4), x text)")
                .update();
        List<String> decimals = List.of(
                "0",
                "0.00",
                "1",
                "-1",
                "2.55",
                "0.5",
                "10000",
                "12345.6789",
                "0.00001",
                "-0.0001",
                "1E+5",
                "123456789012345.123456789",
                "38970.00",
                "-11062.06");
        UUID id = UUID.fromString("0190f5a2-7b3c-7def-8abc-0123456789ab");
        String text = "Ünïcödé ☃ \uD83D\uDE00 tab\there \\ end";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (BinaryCopyWriter copy = BinaryCopyWriter.open(connection, "binary_copy", "id", "n", "t", "d", "p", "x")) {
            for (int i = 0; i < decimals.size(); i++) {
                BigDecimal decimal = new BigDecimal(decimals.get(i));
                copy.uuid(id).int4(i - 7).text(text).numeric(decimal).numeric(decimal);
                if (i % 2 == 0) {
                    copy.nullValue();
                } else {
                    copy.text("x".repeat(70_000 + i));
                }
                copy.endRow();
            }
            assertThat(copy.finish()).isEqualTo(decimals.size());
        }

        List<String> read = jdbc.sql(
                        """
                        select d::text || ' ' || p::text || ' ' || n || ' ' || id || ' ' || (t = :text)
                            || ' ' || coalesce(length(x)::text, 'null')
                        from binary_copy order by n
                        """)
                .param("text", text)
                .query(String.class)
                .list();
        for (int i = 0; i < decimals.size(); i++) {
            BigDecimal decimal = new BigDecimal(decimals.get(i));
            String expected = jdbc.sql("select ?::numeric::text || ' ' || ?::numeric(19, 4)::text")
                            .param(decimal.toString())
                            .param(decimal.toString())
                            .query(String.class)
                            .single()
                    + " " + (i - 7) + " " + id + " true " + (i % 2 == 0 ? "null" : String.valueOf(70_000 + i));
            assertThat(read.get(i)).as(decimals.get(i)).isEqualTo(expected);
        }
    }
}
