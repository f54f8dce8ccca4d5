package org.aftercart.admin;

import org.springframework.ui.Model;

/**
 * The answer to an htmx action on one row of a console list (admin/row-answer.html): the row in its
 * new state, rendered by the fragment {@code row} of the list's template from what the caller put in
 * the model, followed by the outcome for the list's polite live region.
 */
final class RowAnswer {

    private RowAnswer() {}

    static String of(String listTemplate, Flash outcome, Model model) {
        model.addAttribute("rowTemplate", listTemplate);
        model.addAttribute("outcome", outcome);
        return "admin/row-answer :: answer";
    }
}
