package org.aftercart.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HarnessArgumentsTests {

    @Test
    void readsEachArgumentByPositionAndFallsBackWhenItIsMissing() {
        var arguments = HarnessArguments.of(new String[] {"app.jar", "-", "", "90", "x", " --a=1  --b=2 "});

        assertThat(arguments.path(0, "target/aftercart.jar")).isEqualTo(Path.of("app.jar"));
        assertThat(arguments.path(1, "target/load")).isEqualTo(Path.of("target/load"));
        assertThat(arguments.text(2, "default")).isEqualTo("default");
        assertThat(arguments.seconds(3, 120)).isEqualTo(Duration.ofSeconds(90));
        assertThat(arguments.number(4, 42)).as("not a number").isEqualTo(42);
        assertThat(arguments.text(5, "")).isEqualTo("--a=1  --b=2");
        assertThat(arguments.count(9, 8)).as("beyond the last").isEqualTo(8);
        assertThat(arguments.millis(9, 200)).isEqualTo(Duration.ofMillis(200));
    }
}
