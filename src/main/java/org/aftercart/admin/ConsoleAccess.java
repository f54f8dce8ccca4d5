package org.aftercart.admin;

import static org.aftercart.platform.StaffAccounts.Role.ADMIN;
import static org.aftercart.platform.StaffAccounts.Role.AGENT;
import static org.aftercart.platform.StaffAccounts.Role.ANALYST;
import static org.aftercart.platform.StaffAccounts.Role.ASSOCIATE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aftercart.platform.StaffAccessPolicy;
import org.aftercart.platform.StaffAccessRule;
import org.aftercart.platform.StaffAccounts.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The console's role matrix, the one place that says which staff role may open and do what (ADR
 * 22). The console's security filter chain enforces it, the navigation shows only what it allows,
 * and ConsoleRouteAccessTests walks every console route against it. Rules are read in order, the
 * first that matches decides; a console path no rule names is refused to every role.
 *
 * <ul>
 *   <li>admin: everything;
 *   <li>agent: orders (cancel, and the fulfilment steps), customers, returns, messages and help
 *       articles, with their actions;
 *   <li>store associate: the store counter, receiving returns, the fulfilment steps (ship from
 *       store), the orders and returns otherwise read-only (no cancelling, no refund decision);
 *   <li>analyst: the lists read-only (orders, returns, messages, offers' figures) and the
 *       dashboard, never a customer's page nor any action.
 * </ul>
 */
@Component
class ConsoleAccess implements StaffAccessPolicy {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    private static final List<StaffAccessRule> RULES = List.of(
            // The home page, which leads each role on to its own start page.
            rule(GET, "/admin", EVERYONE),
            rule(GET, "/admin/", EVERYONE),
            // Orders: everyone reads (the store looks orders up); only agents cancel; whoever works the
            // floor (store or warehouse) releases, picks, packs and ships.
            rule(GET, "/admin/orders/**", EVERYONE),
            rule(POST, "/admin/orders/*/fulfillment-orders/**", ADMIN, AGENT, ASSOCIATE),
            rule(POST, "/admin/orders/**", ADMIN, AGENT),
            // Customers: personal data leaves the system or is erased by an admin only.
            rule(null, "/console/customers/*/personal-data", ADMINS),
            rule(null, "/console/customers/*/erasure", ADMINS),
            rule(null, "/console/customers/**", ADMIN, AGENT),
            // Returns: everyone reads; the store and the warehouse receive; agents decide and refund.
            rule(GET, "/console/returns/**", EVERYONE),
            rule(POST, "/console/returns/*/receive", ADMIN, AGENT, ASSOCIATE),
            rule(null, "/console/returns/**", ADMIN, AGENT),
            rule(null, "/console/store-returns/**", ADMIN, ASSOCIATE),
            // Messages to customers: agents retry a failed one; analysts read delivery failures.
            rule(GET, "/console/messages/**", ADMIN, AGENT, ANALYST),
            rule(null, "/console/messages/**", ADMIN, AGENT),
            // Content the support team writes.
            rule(null, "/console/help/**", ADMIN, AGENT),
            // Marketing and settings: admins; analysts read the offers' figures.
            rule(GET, "/console/offers/**", ADMIN, ANALYST),
            rule(null, "/console/offers/**", ADMINS),
            rule(null, "/console/templates/**", ADMINS),
            // The brand customers see and how carriers' codes map to their parcels' statuses: named
            // here so that they stay admin-only whatever the other settings become.
            rule(null, "/console/settings/branding/**", ADMINS),
            rule(null, "/console/settings/carrier-mappings/**", ADMINS),
            rule(null, "/console/settings/**", ADMINS),
            rule(null, "/console/audit/**", ADMINS),
            rule(GET, "/console/dashboard/**", ADMIN, ANALYST),
            rule(GET, "/console/operations/**", ADMIN, AGENT, ANALYST),
            rule(POST, "/console/operations/late-orders/*/release", ADMIN, AGENT, ASSOCIATE),
            rule(null, "/console/operations/**", ADMIN, AGENT),
            // Contacts come in by every channel, the store counter included.
            rule(null, "/console/conversations/**", ADMIN, AGENT, ASSOCIATE),
            // The demo store's mail catcher (served with the demo profile only).
            rule(GET, "/console/mail-catcher/**", EVERYONE));

    @Override
    public List<StaffAccessRule> rules() {
        return RULES;
    }

    /** Whether the signed-in staff member may open this page: what the navigation shows. */
    public boolean mayOpen(String path) {
        return may(GET, path);
    }

    /**
     * Whether the signed-in staff member may post to this path: what decides if a page shows an
     * action's form. Ids may be written as {@code x} ({@code /console/returns/x/approve}).
     */
    public boolean mayPost(String path) {
        return may(POST, path);
    }

    public boolean may(HttpMethod method, String path) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            return false;
        }
        Set<String> held = signedIn.getAuthorities().stream()
                .map(authority -> String.valueOf(authority.getAuthority()))
                .collect(java.util.stream.Collectors.toSet());
        return rolesFor(method, path)
                .map(roles -> roles.stream().anyMatch(role -> held.contains("ROLE_" + role.name())))
                .orElse(false);
    }

    private static StaffAccessRule rule(@Nullable HttpMethod method, String pattern, Set<Role> roles) {
        return new StaffAccessRule(method, pattern, roles);
    }

    private static StaffAccessRule rule(@Nullable HttpMethod method, String pattern, Role first, Role... more) {
        return new StaffAccessRule(method, pattern, EnumSet.of(first, more));
    }
}
