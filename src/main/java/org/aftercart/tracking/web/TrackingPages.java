package org.aftercart.tracking.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.catalog.ProductCard;
import org.aftercart.catalog.RelatedProducts;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.SalesRanking;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.platform.Languages;
import org.aftercart.shared.Money;
import org.aftercart.support.HelpCentre;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.OrderDeliveryStatus;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingEventView;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Puts the tracking page together from the modules' public APIs: the order and its lines, the
 * parcels and their checkpoints, the customer's language and time zone, and the complementary
 * products. Also answers guest lookups.
 */
@Service
class TrackingPages {

    static final String COMPLEMENTARY = "complementary";

    private final OrderManagement orders;
    private final Tracking tracking;
    private final Customers customers;
    private final RelatedProducts products;
    private final SalesRanking sales;
    private final TrackingPageSettings settings;
    private final BrandingSettings branding;
    private final HelpCentre help;
    private final Cache<UUID, List<String>> recommended = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000)
            .build();

    TrackingPages(
            OrderManagement orders,
            Tracking tracking,
            Customers customers,
            RelatedProducts products,
            SalesRanking sales,
            TrackingPageSettings settings,
            BrandingSettings branding,
            HelpCentre help) {
        this.help = help;
        this.orders = orders;
        this.tracking = tracking;
        this.customers = customers;
        this.products = products;
        this.sales = sales;
        this.settings = settings;
        this.branding = branding;
    }

    /** The customer's preferences, as far as they are on file. */
    record Reader(@Nullable Locale language, ZoneId zone) {}

    Optional<OrderView> order(OrderId id) {
        return orders.find(id);
    }

    Reader readerOf(OrderView order) {
        CustomerProfile profile = order.customerId() == null
                ? null
                : customers
                        .find(new CustomerId(UUID.fromString(order.customerId())))
                        .orElse(null);
        Locale language = null;
        ZoneId zone = settings.timeZone();
        if (profile != null) {
            Locale preferred = Locale.forLanguageTag(profile.language());
            if (!preferred.getLanguage().isEmpty() && Languages.isSupported(preferred)) {
                language = preferred;
            }
            if (profile.timeZone() != null) {
                try {
                    zone = ZoneId.of(profile.timeZone());
                } catch (DateTimeException unknownZone) {
                    // the merchant's zone, as for customers without one
                }
            }
        }
        return new Reader(language, zone);
    }

    /**
     * The order whose number and e-mail address or delivery postcode match, the same way for every
     * kind of mismatch.
     */
    Optional<OrderId> lookup(String number, String contact) {
        return orders.findForGuest(number, contact);
    }

    TrackingPageView page(OrderView order, String token, Locale locale, ZoneId zone) {
        Map<UUID, OrderView.Line> lines =
                order.lines().stream().collect(Collectors.toMap(OrderView.Line::id, Function.identity()));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        DateTimeFormatter moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        List<ShipmentView> shipments = tracking.shipmentsOf(order.id());
        List<TrackingPageView.Parcel> parcels = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            ShipmentView shipment = shipments.get(i);
            List<TrackingPageView.Item> items = shipment.items().stream()
                    .map(item -> new TrackingPageView.Item(
                            item.sku(),
                            lines.containsKey(item.orderLineId())
                                    ? lines.get(item.orderLineId()).title()
                                    : item.sku(),
                            item.quantity()))
                    .toList();
            List<TrackingPageView.Event> events = tracking.timeline(shipment).stream()
                    .map(event -> new TrackingPageView.Event(
                            moment.format(event.occurredAt()),
                            event.occurredAt().toString(),
                            event.status(),
                            trouble(event.status()),
                            blankToNull(event.description()),
                            place(event, locale)))
                    .toList();
            ShipmentView.DeliveryPromise promise = shipment.promise();
            parcels.add(new TrackingPageView.Parcel(
                    i + 1,
                    shipment.carrier(),
                    shipment.service(),
                    shipment.trackingNumber(),
                    shipment.status(),
                    step(shipment.status()),
                    trouble(shipment.status()),
                    promise == null ? null : day.format(promise.earliest()),
                    promise == null || promise.latest().equals(promise.earliest())
                            ? null
                            : day.format(promise.latest()),
                    shipment.deliveredAt() == null
                            ? null
                            : day.format(LocalDate.ofInstant(shipment.deliveredAt(), zone)),
                    items,
                    events));
        }
        List<TrackingPageView.Unshipped> unshipped = order.lines().stream()
                .filter(line -> line.quantities().unshipped() > 0)
                .map(line -> new TrackingPageView.Unshipped(
                        line.title(), line.quantities().unshipped()))
                .toList();
        String firstName = firstName(order.customerName());
        String greeting = branding.current().greetingFor(locale);
        return new TrackingPageView(
                token,
                order.number(),
                firstName,
                greeting == null ? null : greeting.replace("{0}", firstName == null ? "" : firstName),
                OrderDeliveryStatus.of(shipments),
                DateTimeFormatter.ofPattern("zzzz", locale).withZone(zone).format(java.time.Instant.now()),
                parcels,
                unshipped,
                recommendations(order, token, locale),
                helpAddress(order.number(), shipments, locale),
                settings.returnUrl().isBlank()
                        ? null
                        : settings.returnUrl()
                                .replace("{orderNumber}", UriUtils.encodeQueryParam(order.number(), "UTF-8")));
    }

    /**
     * The merchant's own help page when set; else the help centre's article for a parcel in
     * trouble (late, or a delivery problem), or its home page.
     */
    private String helpAddress(String orderNumber, List<ShipmentView> shipments, Locale locale) {
        if (!settings.helpUrl().isBlank()) {
            return settings.helpUrl();
        }
        boolean late = shipments.stream().anyMatch(shipment -> shipment.status() == TrackingStatus.DELAYED);
        boolean inTrouble = shipments.stream().anyMatch(shipment -> trouble(shipment.status()));
        String situation = late ? "parcel-delayed" : inTrouble ? "parcel-exception" : null;
        return Optional.ofNullable(situation)
                .flatMap(it -> help.linkFor(it, locale, orderNumber))
                .orElse("/help?lang=" + locale.getLanguage());
    }

    /** Where a product of the complementary slot leads: only ever the shop's page of a catalog product. */
    Optional<String> productAddress(String sku) {
        return Optional.ofNullable(products.cards(List.of(sku)).get(sku)).map(card -> settings.productUrl()
                .replace("{handle}", UriUtils.encodePathSegment(card.handle(), "UTF-8"))
                .replace("{sku}", UriUtils.encodePathSegment(card.sku(), "UTF-8")));
    }

    /**
     * Bestsellers of the order's categories, then what was bought together with its products, then
     * the shop's bestsellers: one card per product, none of the order's own products.
     */
    private List<TrackingPageView.Recommendation> recommendations(OrderView order, String token, Locale locale) {
        int wanted = settings.recommendations();
        if (wanted == 0) {
            return List.of();
        }
        List<String> skus = recommended.get(order.id().id(), id -> rank(order, wanted));
        Map<String, ProductCard> cards = products.cards(skus);
        return skus.stream()
                .map(cards::get)
                .filter(card -> card != null)
                .map(card -> new TrackingPageView.Recommendation(
                        COMPLEMENTARY,
                        card.sku(),
                        card.title(),
                        money(card.price(), locale),
                        "/track/" + token + "/go?slot=" + COMPLEMENTARY + "&sku="
                                + UriUtils.encodeQueryParam(card.sku(), "UTF-8")))
                .toList();
    }

    private List<String> rank(OrderView order, int wanted) {
        Set<String> ordered = order.lines().stream().map(OrderView.Line::sku).collect(Collectors.toSet());
        Map<String, ProductCard> own = products.cards(ordered);
        Set<UUID> ownProducts =
                own.values().stream().map(ProductCard::productId).collect(Collectors.toSet());
        Set<String> candidates = new LinkedHashSet<>();
        Stream.of(
                        (java.util.function.Supplier<List<SalesRanking.Sales>>)
                                () -> sales.bestsellersAmong(products.sameCategories(ordered, 2000), wanted * 3),
                        () -> sales.boughtWith(ordered, wanted * 3),
                        () -> sales.bestsellers(wanted * 3 + ordered.size()))
                .forEachOrdered(source -> {
                    if (candidates.size() < wanted * 3) {
                        source.get().forEach(s -> candidates.add(s.sku()));
                    }
                });
        Map<String, ProductCard> cards = products.cards(candidates);
        Set<UUID> shown = new java.util.HashSet<>(ownProducts);
        List<String> chosen = new ArrayList<>();
        for (String sku : candidates) {
            ProductCard card = cards.get(sku);
            if (card != null && !ordered.contains(sku) && shown.add(card.productId()) && chosen.size() < wanted) {
                chosen.add(sku);
            }
        }
        return List.copyOf(chosen);
    }

    static int step(TrackingStatus status) {
        return switch (status) {
            case NO_INFO, LABEL_CREATED, CANCELLED -> 0;
            case IN_TRANSIT, DELAYED, EXCEPTION, RETURNING_TO_SENDER -> 1;
            case OUT_FOR_DELIVERY, READY_FOR_PICKUP, ATTEMPT_FAILED -> 2;
            case DELIVERED -> 3;
        };
    }

    static boolean trouble(TrackingStatus status) {
        return switch (status) {
            case DELAYED, EXCEPTION, ATTEMPT_FAILED, RETURNING_TO_SENDER, CANCELLED -> true;
            default -> false;
        };
    }

    private static @Nullable String place(TrackingEventView event, Locale locale) {
        EventLocation location = event.location();
        if (location == null || location.isEmpty()) {
            return null;
        }
        String country = location.country() == null
                ? null
                : Locale.of("", location.country()).getDisplayCountry(locale);
        return Stream.of(location.city(), location.region(), country)
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    private static @Nullable String firstName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
