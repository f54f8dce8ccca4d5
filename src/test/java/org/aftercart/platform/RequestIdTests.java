package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Every request has a correlation id: the caller's X-Request-Id when fit, a new one otherwise; it
 * is on the response, on the request's log lines, and on what the request hands to other threads.
 */
@ObservabilityIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests extends ObservabilityTestBase {

    @Autowired
    AsyncTaskExecutor applicationTaskExecutor;

    @Test
    void theCallersIdIsReturnedAndOnTheRequestsLogLines(CapturedOutput output) {
        String id = "req-" + UUID.randomUUID();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = post(
                "/webhooks/shopify",
                body,
                Map.of(
                        RequestIds.HEADER,
                        id,
                        "X-Shopify-Topic",
                        "orders/create",
                        "X-Shopify-Hmac-Sha256",
                        shopifyHmac("forged", body)));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue(RequestIds.HEADER)).hasValue(id);
        assertThat(output.getOut().lines().filter(line -> line.contains("Refused a Shopify delivery")))
                .singleElement()
                .asString()
                .contains("[" + id + "]");
    }

    @Test
    void anUnfitIdIsReplacedNeverEchoed() {
        for (String unfit : new String[] {"a b", "x".repeat(101), "id;drop", "<script>", "a/b", ""}) {
            HttpResponse<String> answer = get("/actuator/health", Map.of(RequestIds.HEADER, unfit));
            String given = answer.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertThat(given).as(unfit).isNotEqualTo(unfit);
            assertThat(UUID.fromString(given)).isNotNull();
        }
        String generated = get("/actuator/health", Map.of())
                .headers()
                .firstValue(RequestIds.HEADER)
                .orElseThrow();
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(get("/actuator/health", Map.of(RequestIds.HEADER, "abc.DEF_123:x-9"))
                        .headers()
                        .firstValue(RequestIds.HEADER))
                .hasValue("abc.DEF_123:x-9");
    }

    @Test
    void workHandedToTheApplicationsExecutorKeepsTheId() throws Exception {
        MDC.put(RequestIds.MDC_KEY, "handed-over");
        try {
            CompletableFuture<String> seen =
                    applicationTaskExecutor.submitCompletable(() -> MDC.get(RequestIds.MDC_KEY));
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("handed-over");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        CompletableFuture<String> without =
                applicationTaskExecutor.submitCompletable(() -> MDC.get(RequestIds.MDC_KEY));
        assertThat(without.get(10, TimeUnit.SECONDS)).isNull();
    }
}
