package org.aftercart.returns;

import java.util.List;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * A return request (or a step's input) that cannot be accepted; nothing was written. The problem
 * body names the {@code rule} that refuses it, so a client can react without parsing the text.
 */
public class ReturnRefused extends Problem {

    private final String rule;

    public ReturnRefused(String rule, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "return-refused", "Return refused", detail);
        this.rule = rule;
        getBody().setProperty("rule", rule);
    }

    /** Refused by policy rules: each rule and its reason is in the body. */
    static ReturnRefused byPolicy(List<Refusal> refusals) {
        ReturnRefused refused = new ReturnRefused(
                refusals.getFirst().rule(),
                String.join("; ", refusals.stream().map(Refusal::message).toList()));
        refused.getBody().setProperty("refusals", refusals);
        return refused;
    }

    public String rule() {
        return rule;
    }
}
