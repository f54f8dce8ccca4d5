package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ShopifyWebhookControllerTests {

    private final ShopifyWebhookIntake intake = mock(ShopifyWebhookIntake.class);

    @Test
    void withoutASecretEveryDeliveryIsRefused() {
        var controller = new ShopifyWebhookController("", intake);
        byte[] body = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
        String signedWithEmptyKey = "whatever";

        var refusal = catchThrowableOfType(
                ShopifyWebhookProblem.class,
                () -> controller.receive("orders/paid", signedWithEmptyKey, "webhook-1", "shop.myshopify.com", body));

        assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refusal.getBody().getDetail()).contains("No Shopify webhook secret is configured");
        assertThat(catchThrowableOfType(
                                ShopifyWebhookProblem.class,
                                () -> controller.receive("orders/paid", null, "webhook-1", null, null))
                        .getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verifyNoInteractions(intake);
    }

    @Test
    void checksTheSignatureBeforeAnythingElse() {
        var controller = new ShopifyWebhookController("secret", intake);
        byte[] notEvenJson = "<<<".getBytes(StandardCharsets.UTF_8);

        var refusal = catchThrowableOfType(
                ShopifyWebhookProblem.class, () -> controller.receive(null, "AAAA", null, null, notEvenJson));

        assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        verifyNoInteractions(intake);
    }
}
