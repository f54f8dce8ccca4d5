package org.aftercart.admin;

import java.io.Serializable;
import org.aftercart.platform.StaffAudit;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line outcome of an action, shown once on the page the action redirects to. */
record Flash(Kind kind, String text) implements Serializable {

    static final String ATTRIBUTE = "flash";

    enum Kind {
        SUCCESS,
        ERROR
    }

    static void success(RedirectAttributes attributes, String text) {
        attributes.addFlashAttribute(ATTRIBUTE, new Flash(Kind.SUCCESS, text));
    }

    /** Also marks the action as refused in the staff audit log, with the words shown to the staff member. */
    static void error(RedirectAttributes attributes, String text) {
        StaffAudit.rejected(text);
        attributes.addFlashAttribute(ATTRIBUTE, new Flash(Kind.ERROR, text));
    }

    /** A success to show on the page itself (an htmx answer) rather than after a redirect. */
    static Flash success(String text) {
        return new Flash(Kind.SUCCESS, text);
    }

    /** A refusal to show on the page itself; marked as refused in the staff audit log as above. */
    static Flash error(String text) {
        StaffAudit.rejected(text);
        return new Flash(Kind.ERROR, text);
    }

    public boolean error() {
        return kind == Kind.ERROR;
    }
}
