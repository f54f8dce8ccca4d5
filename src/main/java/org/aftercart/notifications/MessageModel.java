package org.aftercart.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.Branding;
import org.jspecify.annotations.Nullable;

/**
 * What a message's templates can show. Templates read it as {@code ${m}}: {@code m.order.number},
 * {@code m.parcels}, {@code m.trackingUrl}, …
 *
 * @param facts what the causing fact said (a change's description, a status, an amount)
 * @param unsubscribeUrl marketing messages only: the one-click unsubscribe page
 * @param helpUrl the help-centre article that fits the message's situation (a late parcel, a
 *     delivery problem), showing the order number; {@code null} when the shop has none
 */
public record MessageModel(
        String kind,
        Branding shop,
        @Nullable String customerName,
        @Nullable OrderView order,
        List<Parcel> parcels,
        @Nullable Promise promise,
        @Nullable String trackingUrl,
        Map<String, Object> facts,
        @Nullable String unsubscribeUrl,
        @Nullable String helpUrl) {

    public MessageModel {
        parcels = List.copyOf(parcels);
        facts = Map.copyOf(facts);
    }

    /** The first word of the customer's name, for greetings; {@code null} when unknown. */
    public @Nullable String firstName() {
        if (customerName == null || customerName.isBlank()) {
            return null;
        }
        return customerName.trim().split("\\s+")[0];
    }

    /**
     * The shop's logo when it is a full address; a path (the tracking page's own logo) means nothing
     * in a mailbox. Thymeleaf may not read {@code java.net.URI}'s members, hence a string.
     */
    public @Nullable String absoluteLogoUrl() {
        return shop.logoUrl() != null && shop.logoUrl().isAbsolute()
                ? shop.logoUrl().toString()
                : null;
    }

    /** Text colour on the brand's primary colour (buttons). */
    public String onPrimary() {
        return Branding.readableOn(shop.primaryColour());
    }

    /** Text colour on the brand's accent colour (the header). */
    public String onAccent() {
        return Branding.readableOn(shop.accentColour());
    }

    public @Nullable Parcel parcel() {
        return parcels.isEmpty() ? null : parcels.getFirst();
    }

    public record Parcel(
            String carrier,
            @Nullable String service,
            @Nullable String trackingNumber,
            String status,
            @Nullable Promise promise,
            List<Item> items) {}

    public record Item(String title, String sku, int quantity) {}

    public record Promise(LocalDate earliest, LocalDate latest) {

        public boolean singleDay() {
            return earliest.equals(latest);
        }
    }
}
