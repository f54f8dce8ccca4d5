package org.aftercart.platform;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One line of the console's role matrix: requests with this method (any method when null) whose
 * path matches this Spring path pattern may be made by staff holding one of these roles.
 */
public record StaffAccessRule(@Nullable HttpMethod method, String pattern, Set<StaffAccounts.Role> roles) {

    public StaffAccessRule {
        roles = Set.copyOf(roles);
    }

    public boolean appliesTo(HttpMethod requestMethod) {
        return method == null || method.equals(requestMethod);
    }
}
