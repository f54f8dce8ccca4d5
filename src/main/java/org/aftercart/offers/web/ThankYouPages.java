package org.aftercart.offers.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aftercart.offers.Offer;
import org.aftercart.offers.OfferSlot;
import org.aftercart.offers.Offers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.shared.Money;
import org.aftercart.support.HelpCentre;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the thank-you page of an order from the public APIs of orders, tracking, support and offers. */
@Component
class ThankYouPages {

    /** The account page, where a signed-in customer changes or cancels an order. */
    static final String ACCOUNT_PATH = "/account";

    private final OrderManagement orders;
    private final Tracking tracking;
    private final TrackingLinks trackingLinks;
    private final HelpCentre help;
    private final Offers offers;

    ThankYouPages(
            OrderManagement orders, Tracking tracking, TrackingLinks trackingLinks, HelpCentre help, Offers offers) {
        this.orders = orders;
        this.tracking = tracking;
        this.trackingLinks = trackingLinks;
        this.help = help;
        this.offers = offers;
    }

    Optional<OrderView> order(OrderId id) {
        return orders.find(id);
    }

    /** The offer the thank-you slot shows now in this language, if any. */
    Optional<Offer> offer(Locale locale) {
        return offers.showing(OfferSlot.THANK_YOU, locale);
    }

    ThankYouPage page(OrderView order, String token, @Nullable Offer offer, Locale locale) {
        List<ThankYouPage.Line> lines = order.lines().stream()
                .filter(line -> line.quantities().active() > 0)
                .map(line -> new ThankYouPage.Line(
                        line.title(),
                        line.sku(),
                        line.quantities().active(),
                        money(line.unitPrice(), locale),
                        money(line.unitPrice().times(line.quantities().active()), locale)))
                .toList();
        boolean cancelled = order.status() == OrderStatus.CANCELLED;
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        ShipmentView.DeliveryPromise promise = cancelled ? null : promise(order);
        return new ThankYouPage(
                order.number(),
                firstName(order.customerName()),
                cancelled,
                lines,
                money(order.subtotal(), locale),
                order.shipping().isZero() ? null : money(order.shipping(), locale),
                order.tax().isZero() ? null : money(order.tax(), locale),
                order.discount().isZero() ? null : money(order.discount(), locale),
                money(order.total(), locale),
                promise == null ? null : day.format(promise.earliest()),
                promise == null || promise.latest().equals(promise.earliest()) ? null : day.format(promise.latest()),
                order.changeable(),
                trackingLinks.pathFor(order.id()),
                ACCOUNT_PATH,
                help.linkFor("change-order", locale, order.number()).orElse(null),
                "/help?lang=" + locale.getLanguage(),
                offer == null
                        ? null
                        : new ThankYouPage.OfferCard(
                                offer.headline(),
                                offer.body(),
                                offer.callToAction(),
                                offer.code(),
                                "/thank-you/" + token + "/offers/" + offer.id()));
    }

    /**
     * The range promised for the order: its parcels' own promises once it has shipped (the earliest
     * and the latest day over all of them), else what tracking promises for an order placed then.
     */
    private ShipmentView.DeliveryPromise promise(OrderView order) {
        List<ShipmentView.DeliveryPromise> parcels = tracking.shipmentsOf(order.id()).stream()
                .map(ShipmentView::promise)
                .filter(promise -> promise != null)
                .toList();
        if (parcels.isEmpty()) {
            return tracking.expectedDelivery(order.placedAt());
        }
        LocalDate earliest = parcels.stream()
                .map(ShipmentView.DeliveryPromise::earliest)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate latest = parcels.stream()
                .map(ShipmentView.DeliveryPromise::latest)
                .max(LocalDate::compareTo)
                .orElseThrow();
        return new ShipmentView.DeliveryPromise(earliest, latest, "parcels");
    }

    /** The exact amount, with its currency's decimals (a {@link Money} never has more). */
    static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    private static @Nullable String firstName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }
}
