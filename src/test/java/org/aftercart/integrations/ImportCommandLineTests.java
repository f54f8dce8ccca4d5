package org.aftercart.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.aftercart.AftercartApplication;
import org.junit.jupiter.api.Test;

/**
 * The {@code import} command line refuses bad arguments with a message, before starting anything, and
 * names what stopped it when it cannot start.
 */
class ImportCommandLineTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void recognisesTheImportCommandAfterSpringOptions() {
        assertThat(ImportCommandLine.handles(new String[] {"import", "online-retail", "file.csv.gz"}))
                .isTrue();
        assertThat(ImportCommandLine.handles(new String[] {"--spring.profiles.active=demo", "import", "online-retail"}))
                .isTrue();
        assertThat(ImportCommandLine.handles(new String[] {})).isFalse();
        assertThat(ImportCommandLine.handles(new String[] {"--server.port=0"})).isFalse();
        assertThat(ImportCommandLine.handles(new String[] {"serve", "import"})).isFalse();
    }

    @Test
    void asksWhatToImport() {
        assertThat(run("import")).isEqualTo(2);
        assertThat(err.toString()).contains("Say what to import, e.g. 'import online-retail <file>'");
    }

    @Test
    void asksForTheFile() {
        assertThat(run("import", "online-retail")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Missing required parameter: '<file>'")
                .doesNotContain("Exception");
    }

    @Test
    void namesAFileItCannotRead() {
        assertThat(run("import", "online-retail", "no/such/file.csv.gz")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Cannot read ").contains("no/such/file.csv.gz");
    }

    @Test
    void refusesAnUnknownKindOfImport() {
        assertThat(run("import", "shopify-orders", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched arguments");
    }

    @Test
    void saysPlainlyWhenTheDatabaseCannotBeReached() {
        int exitCode = run(
                "--spring.datasource.url=jdbc:postgresql://localhost:1/aftercart",
                "import",
                "online-retail",
                "src/main/resources/demo/online-retail-slice.csv.gz");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("Import failed: Connection to localhost:1 refused")
                .doesNotContain("Error creating bean");
    }

    @Test
    void explainsItselfOnHelp() {
        assertThat(run("import", "online-retail", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: import online-retail", "<file>");
    }

    private int run(String... args) {
        return ImportCommandLine.run(AftercartApplication.class, args, new PrintWriter(out), new PrintWriter(err));
    }
}
