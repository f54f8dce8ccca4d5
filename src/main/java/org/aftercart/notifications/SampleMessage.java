package org.aftercart.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A made-up but realistic message for previews and for checking an edited template: an order of two
 * lines shipped in one parcel, with the shop's own branding. Built in memory, never stored.
 */
@Component
class SampleMessage {

    private static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final BrandingSettings branding;
    private final Clock clock;

    SampleMessage(BrandingSettings branding, Clock clock) {
        this.branding = branding;
        this.clock = clock;
    }

    MessageModel of(String kind) {
        Instant placed = clock.instant().minus(Duration.ofHours(26));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        OrderView.Line shirt = new OrderView.Line(
                UUID.fromString("00000000-0000-4000-8000-000000000011"),
                1,
                "SHIRT-M",
                "Organic cotton shirt, M",
                Money.of("25.00", "GBP"),
                LineQuantities.ordered(2));
        OrderView.Line socks = new OrderView.Line(
                UUID.fromString("00000000-0000-4000-8000-000000000012"),
                2,
                "SOCKS-ONE",
                "Merino socks",
                Money.of("6.00", "GBP"),
                LineQuantities.ordered(1));
        ShippingAddress address =
                new ShippingAddress("Jo Sample", "1 High Street", null, "York", "YO1 7HH", null, "GB");
        OrderView order = new OrderView(
                new OrderId(ORDER),
                "AC-100042",
                SalesChannel.WEB,
                null,
                OrderStatus.SHIPPED,
                PaymentStatus.PAID,
                UUID.randomUUID().toString(),
                "jo@example.org",
                "Jo Sample",
                address,
                placed,
                placed.plus(Duration.ofHours(3)),
                false,
                Money.of("56.00", "GBP"),
                Money.of("4.95", "GBP"),
                Money.of("0.00", "GBP"),
                Money.of("0.00", "GBP"),
                Money.of("60.95", "GBP"),
                List.of(shirt, socks),
                3);
        MessageModel.Promise promise = new MessageModel.Promise(today.plusDays(1), today.plusDays(3));
        MessageModel.Parcel parcel = new MessageModel.Parcel(
                "Royal Mail",
                "Tracked 48",
                "RM123456785GB",
                "IN_TRANSIT",
                promise,
                List.of(
                        new MessageModel.Item(shirt.title(), shirt.sku(), 2),
                        new MessageModel.Item(socks.title(), socks.sku(), 1)));
        boolean marketing = MessageKind.builtIn(kind).isEmpty();
        return new MessageModel(
                kind,
                branding.current(),
                "Jo Sample",
                order,
                List.of(parcel),
                promise,
                "https://shop.example.com/track/sample",
                Map.ofEntries(
                        Map.entry("description", "Merino socks: quantity 1 → 2"),
                        Map.entry("change", "QUANTITY_CHANGED"),
                        Map.entry("priceDifference", "6.00"),
                        Map.entry("refund", "60.95"),
                        Map.entry("amount", kind.equals(MessageKind.REFUND_ISSUED.key()) ? "-6.00" : "25.00"),
                        Map.entry("currency", "GBP"),
                        Map.entry("status", kind.equals(MessageKind.EXCEPTION.key()) ? "ATTEMPT_FAILED" : "DELAYED"),
                        Map.entry("reason", reasonFor(kind)),
                        Map.entry("returnNumber", "R-AC-100042-1"),
                        Map.entry("method", "MAIL"),
                        Map.entry("returnless", "false"),
                        Map.entry("refunded", "25.00"),
                        Map.entry("storeCredit", "6.00"),
                        Map.entry("bonus", "0.60"),
                        Map.entry("totalCredit", "6.60"),
                        Map.entry("balance", "31.60"),
                        Map.entry("code", "7KQ2-M9XD-4TPA-H8VW-3CJN"),
                        Map.entry("link", "https://shop.example.com/account/sign-in/confirm?token=sample"),
                        Map.entry("minutes", 15)),
                marketing ? "https://shop.example.com/unsubscribe/sample" : null,
                MessageComposer.helpSituation(kind) == null
                        ? null
                        : "https://shop.example.com/help/for/" + MessageComposer.helpSituation(kind)
                                + "?order=AC-100042");
    }

    private static String reasonFor(String kind) {
        if (kind.equals(MessageKind.CREDIT_ISSUED.key())) {
            return "a goodwill gesture for the late delivery";
        }
        if (kind.startsWith("return-")) {
            return "the return window of 30 days ended on 12 November";
        }
        return "The carrier has not scanned it for 3 days";
    }
}
