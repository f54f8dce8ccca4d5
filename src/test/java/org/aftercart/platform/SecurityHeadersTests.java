package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of response, over real HTTP: customer pages, the console and its sign-in page, the API
 * (answers and refusals), webhook answers, static files, error pages and the probes carry a content
 * security policy that forbids framing, nosniff and a referrer policy; HSTS only when the request was
 * HTTPS, which behind a proxy Aftercart learns from X-Forwarded-Proto. No page allows inline styles
 * but the API documentation's third-party bundle.
 */
@ObservabilityIntegrationTest
class SecurityHeadersTests extends ObservabilityTestBase {

    @Autowired
    ApiKeys apiKeys;

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        String key = "ak_headers_" + UUID.randomUUID();
        apiKeys.register("headers test", key);
        Map<String, Map<String, String>> requests = new java.util.LinkedHashMap<>();
        requests.put("/track", Map.of());
        requests.put("/help", Map.of());
        requests.put("/returns", Map.of());
        requests.put("/account/sign-in", Map.of());
        requests.put("/thank-you/not-a-token", Map.of());
        requests.put("/login", Map.of());
        requests.put("/admin/orders", Map.of());
        requests.put("/console/operations", Map.of("Accept", "application/json"));
        requests.put("/api/v1/variants?limit=1", Map.of("Authorization", "Bearer " + key));
        requests.put("/api/v1/variants", Map.of());
        requests.put("/api/v1/no-such-thing", Map.of("Authorization", "Bearer " + key));
        requests.put("/css/console.css", Map.of());
        requests.put("/webjars/htmx.org/dist/htmx.min.js", Map.of());
        requests.put("/no-such-page", Map.of());
        requests.put("/actuator/health/readiness", Map.of());
        requests.put("/actuator/prometheus", Map.of());

        SoftAssertions softly = new SoftAssertions();
        requests.forEach((path, headers) -> check(softly, path, get(path, headers)));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        check(softly, "POST /webhooks/shopify", post("/webhooks/shopify", body, Map.of()));
        check(softly, "POST /webhooks/easypost", post("/webhooks/easypost", body, Map.of()));
        softly.assertAll();
    }

    @Test
    void pagesAllowNoInlineStylesButTheThirdPartyApiDocumentation() {
        for (String path : List.of("/login", "/admin/orders", "/track", "/help", "/no-such-page")) {
            assertThat(get(path, Map.of()).headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("style-src 'self'").doesNotContain("unsafe-inline"));
        }
        assertThat(get("/swagger-ui/index.html", Map.of()).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("style-src 'self' 'unsafe-inline'"));
    }

    @Test
    void hstsOnlyWhenTheRequestWasHttpsAsTheProxySays() {
        for (String path : List.of("/track", "/login", "/api/v1/variants", "/css/console.css")) {
            assertThat(get(path, Map.of()).headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP: %s", path)
                    .isEmpty();
            Map<String, String> proxied = new HashMap<>(Map.of("X-Forwarded-Proto", "https"));
            assertThat(get(path, proxied).headers().firstValue("Strict-Transport-Security"))
                    .as("HTTPS at the proxy: %s", path)
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        }
    }

    private static void check(SoftAssertions softly, String what, HttpResponse<String> response) {
        var headers = response.headers();
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        softly.assertThat(csp)
                .as("%s (%s): Content-Security-Policy", what, response.statusCode())
                .contains("frame-ancestors 'none'")
                .containsAnyOf("default-src 'self'", "default-src 'none'");
        softly.assertThat(headers.firstValue("X-Frame-Options"))
                .as("%s: X-Frame-Options", what)
                .hasValue("DENY");
        softly.assertThat(headers.firstValue("X-Content-Type-Options"))
                .as("%s: X-Content-Type-Options", what)
                .hasValue("nosniff");
        softly.assertThat(headers.firstValue("Referrer-Policy"))
                .as("%s: Referrer-Policy", what)
                .hasValueSatisfying(policy -> assertThat(policy).isIn("no-referrer", "same-origin"));
    }
}
