package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With a management port of its own (as in production, kept off the public network), the actuator
 * answers there, metrics without a token; the public port serves no metrics, token or not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortTests {

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void metricsAndProbesAreOnTheManagementPortOnly() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("aftercart_events_incomplete");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");

        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/health").statusCode())
                .as("nothing of the actuator on the public port")
                .isEqualTo(404);
    }

    private static HttpResponse<String> get(int port, String path) {
        return ObservabilityTestBase.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), Map.of());
    }
}
