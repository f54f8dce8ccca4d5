package org.aftercart.returns;

import java.util.List;
import java.util.stream.Collectors;

/** Return policy rules that cannot be used, each broken rule named with its component. */
public class InvalidReturnPolicy extends IllegalArgumentException {

    private final List<ReturnPolicyRules.Violation> violations;

    InvalidReturnPolicy(List<ReturnPolicyRules.Violation> violations) {
        super("Invalid return policy: "
                + violations.stream()
                        .map(violation -> violation.field() + ": " + violation.message())
                        .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ReturnPolicyRules.Violation> violations() {
        return violations;
    }
}
