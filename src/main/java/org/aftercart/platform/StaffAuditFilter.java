package org.aftercart.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes one {@link StaffAudit} entry for every state-changing request staff were allowed to make
 * under the staff paths, once the action has run: its route, subject, form fields and outcome (a
 * refusal the module words is {@code REJECTED}, an error status or exception {@code FAILED}).
 * Requests the role matrix refuses never get here: the access-denied handler records those.
 */
class StaffAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffAuditFilter.class);

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");
    private static final Map<String, String> SUBJECT_TYPES = Map.of(
            "orders", "order",
            "returns", "return",
            "store-returns", "return",
            "customers", "customer");
    private static final List<String> SUBJECT_FIELDS = List.of("orderId", "returnId", "customerId");

    private final StaffAudit audit;

    StaffAuditFilter(StaffAudit audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isAudited(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            write(request, StaffAudit.Outcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        Object rejected = request.getAttribute(StaffAudit.REJECTED);
        if (Boolean.TRUE.equals(request.getAttribute(StaffAudit.NOTHING_CHANGED))) {
            return;
        }
        if (rejected != null) {
            write(request, StaffAudit.Outcome.REJECTED, rejected.toString());
        } else if (response.getStatus() >= 500) {
            write(request, StaffAudit.Outcome.FAILED, "HTTP " + response.getStatus());
        } else if (response.getStatus() >= 400) {
            write(request, StaffAudit.Outcome.REJECTED, "HTTP " + response.getStatus());
        } else {
            write(request, StaffAudit.Outcome.DONE, null);
        }
    }

    /** A state-changing request under the staff paths. */
    static boolean isAudited(HttpServletRequest request) {
        if (READ_METHODS.contains(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(pathOf(request));
        return StaffAccessPolicy.STAFF_PATHS.stream()
                .anyMatch(pattern ->
                        PathPatternParser.defaultInstance.parse(pattern).matches(path));
    }

    /** Records a request the role matrix refused; nothing of it ran. */
    void refused(HttpServletRequest request, String why) {
        if (isAudited(request)) {
            write(request, StaffAudit.Outcome.REFUSED, why);
        }
    }

    private void write(HttpServletRequest request, StaffAudit.Outcome outcome, @Nullable String detail) {
        Principal principal = request.getUserPrincipal();
        String path = pathOf(request);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String[] subject = subjectOf(request, path);
        try {
            audit.record(new StaffAudit.Action(
                    principal == null ? "anonymous" : principal.getName(),
                    HttpMethod.valueOf(request.getMethod()).name(),
                    pattern instanceof String route ? route : path,
                    path,
                    subject[0],
                    subject[1],
                    outcome,
                    detail,
                    StaffAudit.fieldsOf(request),
                    request.getAttribute(StaffAudit.BEFORE),
                    request.getAttribute(StaffAudit.AFTER)));
        } catch (RuntimeException e) {
            // The action itself has run and committed: a lost audit line must be seen, not undo it.
            log.error("Could not record the staff action {} {} ({})", request.getMethod(), path, outcome, e);
        }
    }

    /**
     * The subject named by the action, else the first identifier in the path with the collection
     * before it ({@code /console/returns/<id>/approve} is return {@code <id>}), else a form field.
     */
    private static String[] subjectOf(HttpServletRequest request, String path) {
        if (request.getAttribute(StaffAudit.SUBJECT_ID) instanceof String id) {
            return new String[] {String.valueOf(request.getAttribute(StaffAudit.SUBJECT_TYPE)), id};
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (IDENTIFIER.matcher(segments[i]).matches()) {
                String collection = segments[i - 1];
                return new String[] {SUBJECT_TYPES.getOrDefault(collection, singular(collection)), segments[i]};
            }
        }
        for (String field : SUBJECT_FIELDS) {
            String value = request.getParameter(field);
            if (value != null && !value.isBlank()) {
                return new String[] {field.substring(0, field.length() - 2), value.strip()};
            }
        }
        return new String[] {null, null};
    }

    private static String singular(String collection) {
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
