package org.aftercart.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.ShippingAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org markup mail clients read from order and shipping e-mails: {@code Order} for order
 * messages, one {@code ParcelDelivery} per parcel for shipping messages (domain.md section 4).
 */
final class JsonLd {

    private static final Set<String> ORDER_KINDS = Set.of(
            MessageKind.ORDER_CONFIRMED.key(),
            MessageKind.ORDER_CHANGED.key(),
            MessageKind.ORDER_CANCELLED.key(),
            MessageKind.REFUND_ISSUED.key());

    private JsonLd() {}

    /** The script's content, or {@code null} for a message that carries none. */
    static @Nullable String of(MessageModel m, JsonMapper json) {
        Object markup;
        if (!m.parcels().isEmpty() && m.order() != null) {
            List<Object> deliveries = new ArrayList<>();
            for (MessageModel.Parcel parcel : m.parcels()) {
                deliveries.add(parcelDelivery(m, parcel));
            }
            markup = deliveries.size() == 1 ? deliveries.getFirst() : deliveries;
        } else if (ORDER_KINDS.contains(m.kind()) && m.order() != null) {
            markup = order(m, m.order());
        } else {
            return null;
        }
        // Inside a script element "</script" ends it and "<!--" changes how the rest is read, whatever
        // the JSON says; these characters occur in JSON only within strings, where \\u escapes mean
        // the same, so no customer's name or product title can break out of the element.
        return json.writeValueAsString(markup)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static Map<String, Object> parcelDelivery(MessageModel m, MessageModel.Parcel parcel) {
        OrderView order = m.order();
        Map<String, Object> delivery = root("ParcelDelivery");
        if (order.shipTo() != null) {
            delivery.put("deliveryAddress", address(order.shipTo()));
        }
        if (parcel.promise() != null) {
            delivery.put("expectedArrivalFrom", parcel.promise().earliest().toString());
            delivery.put("expectedArrivalUntil", parcel.promise().latest().toString());
        }
        Map<String, Object> carrier = object("Organization");
        carrier.put("name", parcel.carrier());
        delivery.put("carrier", carrier);
        delivery.put("provider", carrier);
        if (parcel.trackingNumber() != null) {
            delivery.put("trackingNumber", parcel.trackingNumber());
        }
        if (m.trackingUrl() != null) {
            delivery.put("trackingUrl", m.trackingUrl());
        }
        delivery.put(
                "itemShipped",
                parcel.items().stream()
                        .map(item -> product(item.title(), item.sku()))
                        .toList());
        Map<String, Object> partOf = object("Order");
        partOf.put("orderNumber", order.number());
        partOf.put("merchant", merchant(m));
        delivery.put("partOfOrder", partOf);
        Map<String, Object> status = object("DeliveryEvent");
        status.put("name", parcel.status());
        delivery.put("deliveryStatus", status);
        return delivery;
    }

    private static Map<String, Object> order(MessageModel m, OrderView order) {
        Map<String, Object> markup = root("Order");
        markup.put("merchant", merchant(m));
        markup.put("orderNumber", order.number());
        markup.put("orderDate", order.placedAt().toString());
        markup.put("orderStatus", "https://schema.org/" + orderStatus(m.kind()));
        markup.put("price", order.total().amount().toPlainString());
        markup.put("priceCurrency", order.total().currency().getCurrencyCode());
        if (m.customerName() != null) {
            Map<String, Object> customer = object("Person");
            customer.put("name", m.customerName());
            markup.put("customer", customer);
        }
        if (m.trackingUrl() != null) {
            markup.put("url", m.trackingUrl());
        }
        List<Object> offers = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            Map<String, Object> offer = object("Offer");
            offer.put("itemOffered", product(line.title(), line.sku()));
            offer.put("price", line.unitPrice().amount().toPlainString());
            offer.put("priceCurrency", line.unitPrice().currency().getCurrencyCode());
            Map<String, Object> quantity = object("QuantitativeValue");
            quantity.put("value", line.quantities().active());
            offer.put("eligibleQuantity", quantity);
            offers.add(offer);
        }
        markup.put("acceptedOffer", offers);
        if (order.shipTo() != null) {
            markup.put("orderDelivery", Map.of("@type", "ParcelDelivery", "deliveryAddress", address(order.shipTo())));
        }
        return markup;
    }

    private static String orderStatus(String kind) {
        return switch (kind) {
            case "order-cancelled" -> "OrderCancelled";
            case "refund-issued" -> "OrderReturned";
            default -> "OrderProcessing";
        };
    }

    private static Map<String, Object> merchant(MessageModel m) {
        Map<String, Object> merchant = object("Organization");
        merchant.put("name", m.shop().shopName());
        return merchant;
    }

    private static Map<String, Object> product(String name, String sku) {
        Map<String, Object> product = object("Product");
        product.put("name", name);
        product.put("sku", sku);
        return product;
    }

    private static Map<String, Object> address(ShippingAddress address) {
        Map<String, Object> postal = object("PostalAddress");
        putIfPresent(postal, "name", address.name());
        String street = address.line2() == null || address.line2().isBlank()
                ? address.line1()
                : address.line1() + ", " + address.line2();
        putIfPresent(postal, "streetAddress", street);
        putIfPresent(postal, "addressLocality", address.city());
        putIfPresent(postal, "addressRegion", address.region());
        putIfPresent(postal, "postalCode", address.postcode());
        putIfPresent(postal, "addressCountry", address.country());
        return postal;
    }

    private static Map<String, Object> root(String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@context", "https://schema.org");
        object.put("@type", type);
        return object;
    }

    private static Map<String, Object> object(String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", type);
        return object;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
