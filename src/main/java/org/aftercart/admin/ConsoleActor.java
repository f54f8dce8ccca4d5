package org.aftercart.admin;

import java.security.Principal;

/** How the journal and the modules name a person acting in the console. */
final class ConsoleActor {

    private ConsoleActor() {}

    static String of(Principal principal) {
        return "staff:" + principal.getName();
    }
}
