package org.aftercart.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The positional arguments of a harness's {@code main}, each read with its default when it is
 * missing. {@code "-"} stands for a missing argument in the middle, since Maven drops an empty one.
 */
record HarnessArguments(List<String> values) {

    static HarnessArguments of(String[] args) {
        return new HarnessArguments(List.of(args));
    }

    Path path(int position, String otherwise) {
        return Path.of(text(position, otherwise));
    }

    Duration seconds(int position, long otherwise) {
        return Duration.ofSeconds(number(position, otherwise));
    }

    Duration millis(int position, long otherwise) {
        return Duration.ofMillis(number(position, otherwise));
    }

    int count(int position, int otherwise) {
        return Math.toIntExact(number(position, otherwise));
    }

    /** The argument as a whole number, or {@code otherwise} when it is missing or not a number. */
    long number(int position, long otherwise) {
        String value = text(position, "");
        return value.matches("-?\\d+") ? Long.parseLong(value) : otherwise;
    }

    String text(int position, String otherwise) {
        if (position >= values.size()
                || values.get(position).isBlank()
                || values.get(position).equals("-")) {
            return otherwise;
        }
        return values.get(position).strip();
    }
}
