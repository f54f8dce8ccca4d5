package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aftercart.orders.PlaceOrder;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Coverage-guided fuzzing of the Shopify webhook body (docs/fuzzing.md): what {@code POST
 * /webhooks/shopify} checks before it answers ({@link ShopifyPayloads#parse}, for every topic), and
 * what the order then becomes ({@link ShopifyOrderMapping#toPlaceOrder}). Seeded with Shopify's own
 * REST fixtures from the shared data folder; inputs that once failed are kept in {@code
 * ShopifyWebhookFuzzTestsInputs/<test>/}.
 *
 * <p>The contract: the body is refused with {@link ShopifyPayloads.Malformed} (a 400 to Shopify) or
 * the order with {@link ShopifyRefusal} (recorded on the receipt, not retried), or the result is
 * well-formed; any other exception, a hang or running out of memory is a finding.
 */
class ShopifyWebhookFuzzTests {

    @MethodSource("shopifyFixtures")
    @FuzzTest(maxDuration = "20s")
    void webhookBody(byte[] body) {
        for (ShopifyTopic topic : ShopifyTopic.values()) {
            ShopifyPayloads.Payload payload;
            try {
                payload = ShopifyPayloads.parse(topic, body);
            } catch (ShopifyPayloads.Malformed refused) {
                assertThat(refused.getMessage()).isNotBlank();
                continue;
            }
            switch (payload) {
                case ShopifyPayloads.Order order -> assertMapped(order);
                case ShopifyPayloads.Fulfillment fulfillment -> {
                    assertThat(fulfillment.numbers())
                            .allSatisfy(number -> assertThat(number).isNotBlank());
                    assertThat(fulfillment.urls())
                            .allSatisfy(url -> assertThat(url).isNotBlank());
                }
                case ShopifyPayloads.OrderEdit edit ->
                    assertThat(edit.orderId()).isNotNull();
            }
        }
    }

    private static void assertMapped(ShopifyPayloads.Order order) {
        ShopifyOrderMapping.Mapped mapped;
        try {
            mapped = ShopifyOrderMapping.toPlaceOrder(order);
        } catch (ShopifyRefusal refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        PlaceOrder command = mapped.command();
        assertThat(command.currency()).matches("[A-Z]{3}");
        assertThat(command.lines()).isNotEmpty().hasSameSizeAs(mapped.items());
        for (PlaceOrder.Line line : command.lines()) {
            assertThat(line.sku()).isNotBlank();
            assertThat(line.quantity()).isPositive();
            assertThat(line.unitPrice()).isNotNegative();
        }
        assertThat(command.shipping()).isNotNegative();
        assertThat(command.tax()).isNotNegative();
        assertThat(command.discount()).isNotNegative();
    }

    /** Every resource in Shopify's fixtures, alone (as a webhook sends it) and as the file has it. */
    static Stream<byte[]> shopifyFixtures() {
        Path folder = Path.of(System.getProperty("aftercart.shared-data", "../shared/data"), "payloads", "shopify");
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = ShopifyFixtures.JSON.readTree(Files.readAllBytes(file));
                bodies.add(ShopifyFixtures.bytes(root));
                for (JsonNode resource : root) {
                    if (resource.isObject()) {
                        bodies.add(ShopifyFixtures.bytes(resource));
                    }
                    if (resource.isArray()) {
                        resource.forEach(element -> bodies.add(ShopifyFixtures.bytes(element)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies.stream();
    }
}
