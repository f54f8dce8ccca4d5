package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document and its UI are served to anyone who wants to integrate. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDocumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void servesTheOpenApiDocumentAndUi() {
        ApiClient anonymous = new ApiClient(port, null);

        var document = anonymous.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        var json = document.json();
        assertThat(json.get("info").get("title").asString()).isEqualTo("Aftercart API");
        assertThat(json.get("paths").has("/api/v1/orders")).isTrue();
        assertThat(json.get("paths").has("/api/v1/orders/{id}/changes")).isTrue();
        assertThat(json.get("paths").has("/api/v1/fulfillment-orders/{id}/ship"))
                .isTrue();
        assertThat(json.get("components").get("securitySchemes").has("apiKey")).isTrue();

        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
