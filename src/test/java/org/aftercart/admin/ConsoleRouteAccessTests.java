package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.aftercart.platform.StaffAccessPolicy;
import org.aftercart.platform.StaffAccounts.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Walks every route Spring MVC maps under the staff paths and checks it against the role matrix
 * ({@link ConsoleAccess}): an anonymous page request goes to sign-in and any other gets a 401, each
 * role the matrix leaves out gets a 403, each role it names gets past security. A route the matrix
 * does not name fails, and so does a route outside the staff paths that no known public or customer
 * chain claims.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleRouteAccessTests {

    /** Paths served outside the staff paths by their own security chains (public or customers'). */
    static final List<String> OTHER_CHAINS = List.of(
            "/api/**", "/webhooks/**", "/track/**", "/returns/**", "/help/**", "/account/**", "/m/**", "/thank-you/**");

    /** The console's shell and public pages outside the staff paths: sign-in, home, errors, API docs. */
    static final List<String> SHELL = List.of(
            "/",
            "/login",
            "/error",
            "/access-denied",
            "/css/brand.css",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/swagger-ui.html",
            "/swagger-ui/**");

    record Route(HttpMethod method, String pattern) {

        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    StaffAccessPolicy policy;

    @Test
    void theConsoleHasRoutesToWalk() {
        assertThat(staffRoutes()).hasSizeGreaterThan(30);
    }

    @Test
    void noStaffRouteLivesOutsideTheStaffPaths() {
        List<String> unclaimed = allPatterns().stream()
                .filter(pattern -> !matchesAny(StaffAccessPolicy.STAFF_PATHS, pattern)
                        && !matchesAny(OTHER_CHAINS, pattern)
                        && !matchesAny(SHELL, pattern))
                .toList();
        assertThat(unclaimed)
                .as("paths no known chain claims: put staff pages under /console and name them in ConsoleAccess")
                .isEmpty();
    }

    @Test
    void aConsolePathNoRuleNamesIsRefusedEvenToAdmins() throws Exception {
        String unnamed = "/console/not-in-the-matrix";
        assertThat(policy.rolesFor(HttpMethod.GET, unnamed)).isEmpty();
        assertThat(perform(HttpMethod.GET, unnamed, Role.ADMIN).getStatus()).isEqualTo(403);
    }

    @Test
    void theConsoleHomeSendsEachRoleToAStartPageItMayOpen() throws Exception {
        assertThat(LoginAdminController.START_PAGES)
                .extracting(LoginAdminController.StartPage::role)
                .containsExactlyInAnyOrder(Role.values());
        List<String> landed = new ArrayList<>();
        for (Role role : List.of(Role.ADMIN, Role.AGENT, Role.ASSOCIATE, Role.ANALYST)) {
            String start = perform(HttpMethod.GET, "/admin", role).getRedirectedUrl();
            landed.add(start);
            assertThat(policy.rolesFor(HttpMethod.GET, start))
                    .as("%s may open its start page %s", role, start)
                    .hasValueSatisfying(roles -> assertThat(roles).contains(role));
            assertThat(perform(HttpMethod.GET, start, role).getStatus())
                    .as("%s opens %s", role, start)
                    .isEqualTo(200);
        }
        assertThat(landed)
                .containsExactly(
                        "/console/operations", "/console/customers", "/console/store-returns", "/console/dashboard");
    }

    /**
     * The hub lists its pages in code, apart from the routes and the role matrix: a settings page
     * added under {@code /console/settings/} must be on the hub too, and every hub entry must be a
     * page that exists and that an admin may open.
     */
    @Test
    void theSettingsHubListsEverySettingsPage() {
        List<String> hub = SettingsAdminController.PAGES.stream()
                .map(SettingsAdminController.SettingsPage::path)
                .toList();
        Set<String> settingsPages = new TreeSet<>();
        staffRoutes().stream()
                .filter(route -> route.method() == HttpMethod.GET)
                .map(Route::pattern)
                .filter(pattern -> pattern.matches("/console/settings/[a-z-]+"))
                .forEach(settingsPages::add);
        Set<String> getPages = new TreeSet<>();
        staffRoutes().stream()
                .filter(route -> route.method() == HttpMethod.GET)
                .forEach(route -> getPages.add(route.pattern()));

        assertThat(settingsPages).as("settings pages found").isNotEmpty();
        assertThat(hub)
                .as("settings pages missing from the hub (SettingsAdminController.PAGES)")
                .containsAll(settingsPages);
        assertThat(getPages).as("hub entries that are pages").containsAll(hub);
        for (String page : hub) {
            assertThat(policy.rolesFor(HttpMethod.GET, page))
                    .as("an admin may open %s", page)
                    .hasValueSatisfying(roles -> assertThat(roles).contains(Role.ADMIN));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStaffRouteRefusesAnonymousAndWrongRoles() {
        return staffRoutes().stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> check(route)));
    }

    private void check(Route route) throws Exception {
        String path = route.samplePath();
        Set<Role> allowed = policy.rolesFor(route.method(), path)
                .orElseThrow(() -> new AssertionError(route + " is missing from the role matrix (ConsoleAccess)"));

        MockHttpServletResponse anonymousPage = mvc.perform(
                        withCsrf(request(route.method(), path).accept(MediaType.TEXT_HTML)))
                .andReturn()
                .getResponse();
        assertThat(anonymousPage.getStatus())
                .as("anonymous page request to %s", route)
                .isEqualTo(302);
        assertThat(anonymousPage.getRedirectedUrl()).as("anonymous %s", route).endsWith("/login");

        MockHttpServletResponse anonymousJson = mvc.perform(
                        withCsrf(request(route.method(), path).accept(MediaType.APPLICATION_JSON)))
                .andReturn()
                .getResponse();
        assertThat(anonymousJson.getStatus())
                .as("anonymous JSON request to %s", route)
                .isEqualTo(401);

        for (Role role : Role.values()) {
            int status = perform(route.method(), path, role).getStatus();
            if (allowed.contains(role)) {
                assertThat(status).as("%s by %s", route, role).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s by %s", route, role).isEqualTo(403);
            }
        }
    }

    private MockHttpServletResponse perform(HttpMethod method, String path, Role role) throws Exception {
        return mvc.perform(withCsrf(request(method, path)
                        .accept(MediaType.TEXT_HTML)
                        .with(user(role.name().toLowerCase() + "@example.org").roles(role.name()))))
                .andReturn()
                .getResponse();
    }

    private static MockHttpServletRequestBuilder withCsrf(MockHttpServletRequestBuilder request) {
        return request.with(csrf());
    }

    private List<Route> staffRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : patternsOf(info)) {
                if (matchesAny(StaffAccessPolicy.STAFF_PATHS, pattern)) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    Set<RequestMethod> walked =
                            methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods;
                    walked.forEach(method -> routes.add(new Route(method.asHttpMethod(), pattern)));
                }
            }
        });
        return routes;
    }

    private Set<String> allPatterns() {
        Set<String> patterns = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> patterns.addAll(patternsOf(info)));
        return patterns;
    }

    private static Set<String> patternsOf(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    /** Whether a route pattern falls under one of these path patterns (its variables as sample values). */
    private static boolean matchesAny(List<String> patterns, String route) {
        PathContainer path = PathContainer.parsePath(route.replaceAll("\\{[^}]+}", "x"));
        return patterns.stream()
                .anyMatch(pattern ->
                        PathPatternParser.defaultInstance.parse(pattern).matches(path));
    }
}
