package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.aftercart.customers.ContactDetails;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class ShopifyOrderMappingTests {

    @Test
    void mapsShopifysDocumentationOrder() {
        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(ShopifyFixtures.order()));
        PlaceOrder command = mapped.command();

        assertThat(command.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(command.externalRef()).isEqualTo("450789469");
        assertThat(command.currency()).isEqualTo("USD");
        assertThat(command.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(command.placedAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
        assertThat(command.lines())
                .containsExactly(
                        new PlaceOrder.Line("IPOD2008GREEN", 1, new BigDecimal("199.00"), "IPod Nano - 8gb - green"),
                        new PlaceOrder.Line("IPOD2008RED", 1, new BigDecimal("199.00"), "IPod Nano - 8gb - red"),
                        new PlaceOrder.Line("IPOD2008BLACK", 1, new BigDecimal("199.00"), "IPod Nano - 8gb - black"));
        assertThat(mapped.items())
                .extracting(ShopifyPayloads.LineItem::id)
                .containsExactly(466157049L, 518995019L, 703073504L);
        assertThat(command.customer())
                .isEqualTo(
                        new ContactDetails("bob.norman@hostmail.com", "Bob Norman", "555-625-1199", null, null, "US"));
        assertThat(command.shipTo())
                .isEqualTo(new ShippingAddress(
                        "Bob Norman", "Chestnut Street 92", null, "Louisville", "40202", "KY", "US"));
    }

    /**
     * The fixture's parts do not add up: three lines of 199.00 (597.00) + 11.94 tax, but
     * total_line_items_price 398.00 and total_price 409.94. What Shopify charged wins.
     */
    @Test
    void theOrderTotalIsWhatShopifyCharged() {
        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(ShopifyFixtures.order()));
        PlaceOrder command = mapped.command();

        assertThat(command.shipping()).isEqualByComparingTo("0.00");
        assertThat(command.tax()).isEqualByComparingTo("11.94");
        assertThat(command.discount()).isEqualByComparingTo("199.00");
        assertThat(total(command)).isEqualTo(Money.of("409.94", "USD"));
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note)
                .contains("total_price is 409.94 USD")
                .contains("199.00 USD difference is booked as discount"));
    }

    @Test
    void consistentTotalsAreTakenAsTheyAre() {
        ObjectNode order = ShopifyFixtures.order();
        order.put("total_price", "626.44");
        order.put("total_discounts", "10.00");
        var shipping = order.putArray("shipping_lines");
        shipping.addObject().put("title", "Express").put("price", "12.50");
        shipping.addObject().put("title", "Saturday delivery").put("price", "15.00");

        PlaceOrder command = ShopifyOrderMapping.toPlaceOrder(parse(order)).command();

        assertThat(command.shipping()).isEqualByComparingTo("27.50");
        assertThat(command.discount()).isEqualByComparingTo("10.00");
        assertThat(total(command)).isEqualTo(Money.of("626.44", "USD"));
    }

    @Test
    void pricesIncludingTaxAddNoTax() {
        ObjectNode order = ShopifyFixtures.order();
        order.put("taxes_included", true);
        order.put("total_price", "597.00");

        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(order));

        assertThat(mapped.command().tax()).isEqualByComparingTo("0");
        assertThat(total(mapped.command())).isEqualTo(Money.of("597.00", "USD"));
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("include tax of 11.94 USD"));
    }

    @Test
    void chargesBeyondTheItemisedPartsAreNotedNotInvented() {
        ObjectNode order = ShopifyFixtures.order();
        order.put("total_price", "618.94");

        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(order));

        assertThat(mapped.command().discount()).isEqualByComparingTo("0.00");
        assertThat(total(mapped.command())).isEqualTo(Money.of("608.94", "USD"));
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("10.00 USD more"));
    }

    @Test
    void lineItemsWithoutSkuAreNamedAfterTheirVariantOrThemselves() {
        ObjectNode order = ShopifyFixtures.order();
        ((ObjectNode) order.get("line_items").get(0)).putNull("sku");
        ((ObjectNode) order.get("line_items").get(1))
                .put("sku", " ")
                .putNull("variant_id")
                .putNull("product_id");

        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(order));

        assertThat(mapped.command().lines())
                .extracting(PlaceOrder.Line::sku)
                .containsExactly("shopify-variant-39072856", "shopify-item-518995019", "IPOD2008BLACK");
        assertThat(ShopifyOrderMapping.variant(mapped.items().get(1), "USD").productHandle())
                .isEqualTo(ShopifyOrderMapping.CUSTOM_ITEMS_HANDLE);
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("no SKU"));
    }

    @Test
    void unknownSkusEnterTheCatalogUnderTheirShopifyProduct() {
        var item = parse(ShopifyFixtures.order()).lines().get(0);

        var variant = ShopifyOrderMapping.variant(item, "USD");

        assertThat(variant.sku()).isEqualTo("IPOD2008GREEN");
        assertThat(variant.productHandle()).isEqualTo("shopify-product-632910392");
        assertThat(variant.productTitle()).isEqualTo("IPod Nano - 8gb");
        assertThat(variant.optionValues()).isEqualTo("green");
        assertThat(variant.price()).isEqualTo(Money.of("199.00", "USD"));
    }

    @Test
    void linesWithNothingLeftAreNotTaken() {
        ObjectNode order = ShopifyFixtures.order();
        ((ObjectNode) order.get("line_items").get(2)).put("current_quantity", 0);
        order.put("total_price", "409.94");

        var mapped = ShopifyOrderMapping.toPlaceOrder(parse(order));

        assertThat(mapped.command().lines())
                .extracting(PlaceOrder.Line::sku)
                .containsExactly("IPOD2008GREEN", "IPOD2008RED");
        assertThat(mapped.items()).hasSize(2);
        assertThat(mapped.command().discount()).isEqualByComparingTo("0.00");
    }

    @Test
    void refusesWhatCanNeverBeAnOrder() {
        ObjectNode noQuantity = ShopifyFixtures.order();
        noQuantity.get("line_items").forEach(item -> ((ObjectNode) item).put("current_quantity", 0));
        ObjectNode badCurrency = ShopifyFixtures.order().put("currency", "XYZ");
        ObjectNode subCent = ShopifyFixtures.order();
        ((ObjectNode) subCent.get("line_items").get(0)).put("price", "199.001");

        assertThatThrownBy(() -> ShopifyOrderMapping.toPlaceOrder(parse(noQuantity)))
                .isInstanceOf(ShopifyRefusal.class)
                .hasMessageContaining("no line item with a quantity");
        assertThatThrownBy(() -> ShopifyOrderMapping.toPlaceOrder(parse(badCurrency)))
                .isInstanceOf(ShopifyRefusal.class)
                .hasMessageContaining("XYZ");
        assertThatThrownBy(() -> ShopifyOrderMapping.toPlaceOrder(parse(subCent)))
                .isInstanceOf(ShopifyRefusal.class)
                .hasMessageContaining("199.001");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "web, WEB",
                "null, WEB",
                "shopify_draft_order, WEB",
                "iphone, WEB",
                "1456789, WEB",
                "pos, STORE",
                "POS, STORE",
                "amazon, MARKETPLACE",
                "ebay_marketplace, MARKETPLACE",
                "some-marketplace-app, MARKETPLACE"
            })
    void channelFollowsTheSourceName(String sourceName, SalesChannel channel) {
        assertThat(ShopifyOrderMapping.channel(sourceName)).isEqualTo(channel);
    }

    @ParameterizedTest
    @CsvSource({
        "pending, PENDING",
        "authorized, AUTHORIZED",
        "partially_paid, PARTIALLY_PAID",
        "paid, PAID",
        "partially_refunded, PARTIALLY_REFUNDED",
        "refunded, REFUNDED",
        "voided, VOIDED"
    })
    void financialStatusBecomesThePaymentStatus(String financialStatus, PaymentStatus status) {
        assertThat(ShopifyOrderMapping.paymentStatus(financialStatus)).contains(status);
    }

    @Test
    void anUnknownFinancialStatusIsTakenAsPendingAndNoted() {
        var mapped =
                ShopifyOrderMapping.toPlaceOrder(parse(ShopifyFixtures.order().put("financial_status", "expired")));

        assertThat(mapped.command().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("'expired'"));
    }

    @Test
    void anOrderWithoutEmailHasNoCustomer() {
        ObjectNode order = ShopifyFixtures.order();
        order.remove("email");
        order.remove("customer");

        assertThat(ShopifyOrderMapping.toPlaceOrder(parse(order)).command().customer())
                .isNull();
    }

    private static ShopifyPayloads.Order parse(ObjectNode order) {
        return (ShopifyPayloads.Order) ShopifyPayloads.parse(ShopifyTopic.ORDERS_CREATE, ShopifyFixtures.bytes(order));
    }

    private static Money total(PlaceOrder command) {
        Money total = Money.zero(Money.currency(command.currency()));
        for (PlaceOrder.Line line : command.lines()) {
            total = total.plus(Money.of(line.unitPrice(), command.currency()).times(line.quantity()));
        }
        return total.plus(Money.of(command.shipping(), command.currency()))
                .plus(Money.of(command.tax(), command.currency()))
                .minus(Money.of(command.discount(), command.currency()));
    }
}
