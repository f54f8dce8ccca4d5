package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every style sheet the pages load closes each block it opens: one brace lost (in a merge, say)
 * silently swallows every rule after it into the block, and browsers report nothing.
 */
class StylesheetsTests {

    private static final Path STYLESHEETS = Path.of("src/main/resources/static/css");

    @Test
    void everyBlockIsClosedWhereItShouldBe() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(STYLESHEETS)) {
            files = listed.filter(file -> file.toString().endsWith(".css"))
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String css = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "");
            int depth = 0;
            int line = 1;
            for (char c : css.toCharArray()) {
                if (c == '\n') {
                    line++;
                } else if (c == '{') {
                    depth++;
                    // Only @media and the like nest; a rule inside a rule inside a block is a lost brace.
                    assertThat(depth)
                            .as("%s: a block opened inside a nested block near line %d", file, line)
                            .isLessThanOrEqualTo(2);
                } else if (c == '}') {
                    depth--;
                    assertThat(depth)
                            .as("%s: a brace closes nothing near line %d", file, line)
                            .isNotNegative();
                }
            }
            assertThat(depth).as("%s: blocks left open at the end", file).isZero();
        }
    }
}
