package org.aftercart.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which staff role may open and do what in the console, declared by the module that serves the
 * console and enforced by the console's security filter chain. Rules are read in order and the
 * first that matches decides; a staff path ({@link #STAFF_PATHS}) that no rule names is refused
 * to everyone, so a new page is closed until someone writes down who may use it.
 */
public interface StaffAccessPolicy {

    /** The paths only staff use; every request under them must be named by a rule. */
    List<String> STAFF_PATHS = List.of("/console/**", "/admin/**");

    List<StaffAccessRule> rules();

    /** The roles the first matching rule grants, or empty when no rule names this request. */
    default Optional<Set<StaffAccounts.Role>> rolesFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules().stream()
                .filter(rule -> rule.appliesTo(method)
                        && PathPatternParser.defaultInstance
                                .parse(rule.pattern())
                                .matches(container))
                .findFirst()
                .map(StaffAccessRule::roles);
    }
}
