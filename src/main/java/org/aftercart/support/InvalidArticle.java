package org.aftercart.support;

import java.util.Map;
import java.util.stream.Collectors;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An article that cannot be saved as it is; {@link #problems()} names each field and what is wrong. */
public class InvalidArticle extends Problem {

    private final Map<String, String> problems;

    public InvalidArticle(Map<String, String> problems) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-article",
                "Invalid help article",
                problems.entrySet().stream()
                        .map(problem -> problem.getKey() + ": " + problem.getValue())
                        .collect(Collectors.joining(", ")));
        this.problems = Map.copyOf(problems);
    }

    /** By field ({@code slug}, {@code title}, …): {@code format}, {@code length}, {@code taken}, {@code unknown}. */
    public Map<String, String> problems() {
        return problems;
    }
}
