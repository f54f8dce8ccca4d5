package org.aftercart.returns;

import java.util.List;

/**
 * Why a policy rule refuses a return.
 *
 * @param rule the rule's name, e.g. {@code return-window}
 * @param message the reason in English, with the facts filled in
 * @param messageKey the key of the same reason in the messages bundles ({@code returns.rule.<rule>})
 * @param arguments the facts to fill into the bundle's text, in order
 */
public record Refusal(String rule, String message, String messageKey, List<String> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    static Refusal of(String rule, String message, String... arguments) {
        return new Refusal(rule, message, "returns.rule." + rule, List.of(arguments));
    }
}
