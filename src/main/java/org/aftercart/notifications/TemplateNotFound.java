package org.aftercart.notifications;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** No built-in kind, channel or language by that name. */
public class TemplateNotFound extends Problem {

    public TemplateNotFound(String kind, String channel, String language) {
        super(
                HttpStatus.NOT_FOUND,
                "template-not-found",
                "Template not found",
                "There is no " + channel + " template " + kind + " in language " + language + ".");
    }
}
