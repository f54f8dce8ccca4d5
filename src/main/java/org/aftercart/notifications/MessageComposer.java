package org.aftercart.notifications;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.support.HelpCentre;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingLinkSettings;
import org.aftercart.tracking.TrackingLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Gathers what a message shows from the modules that own it, as they are when the message goes out. */
@Component
class MessageComposer {

    private final Tracking tracking;
    private final Returns returns;
    private final TrackingLinks trackingLinks;
    private final BrandingSettings branding;
    private final HelpCentre helpCentre;
    private final String publicUrl;

    MessageComposer(
            Tracking tracking,
            TrackingLinks trackingLinks,
            BrandingSettings branding,
            Returns returns,
            HelpCentre helpCentre,
            TrackingLinkSettings links) {
        this.returns = returns;
        this.tracking = tracking;
        this.trackingLinks = trackingLinks;
        this.branding = branding;
        this.helpCentre = helpCentre;
        this.publicUrl = links.publicUrl();
    }

    /** The help-centre situation a message kind is about, for its "what happens now" link. */
    static @Nullable String helpSituation(String kind) {
        if (MessageKind.DELAYED.key().equals(kind)) {
            return "parcel-delayed";
        }
        if (MessageKind.EXCEPTION.key().equals(kind)) {
            return "parcel-exception";
        }
        return null;
    }

    /**
     * @param order the message's order, read once by the caller
     * @param shipmentIds the parcels the message is about: one, or several for a digest
     * @param unsubscribeUrl for marketing messages
     * @param locale the message's language, for the help-centre article it links to
     */
    MessageModel compose(
            MessageRow message,
            Optional<OrderView> order,
            @Nullable String customerName,
            List<UUID> shipmentIds,
            @Nullable URI unsubscribeUrl,
            Locale locale) {
        List<MessageModel.Parcel> parcels = new ArrayList<>();
        for (UUID shipmentId : shipmentIds) {
            tracking.shipment(shipmentId).ifPresent(shipment -> parcels.add(parcel(shipment, order.orElse(null))));
        }
        MessageModel.Promise promise = null;
        if (!parcels.isEmpty()) {
            promise = parcels.getFirst().promise();
        } else if (order.isPresent() && MessageKind.ORDER_CONFIRMED.key().equals(message.kind())) {
            promise = promise(tracking.expectedDelivery(order.get().placedAt()));
        }
        String name = customerName != null
                ? customerName
                : order.map(OrderView::customerName).orElse(null);
        return new MessageModel(
                message.kind(),
                branding.current(),
                name,
                order.orElse(null),
                parcels,
                promise,
                order.map(o -> trackingLinks.linkFor(o.id()).toString()).orElse(null),
                withoutNulls(message.facts()),
                unsubscribeUrl == null ? null : unsubscribeUrl.toString(),
                helpUrl(message.kind(), locale, order.map(OrderView::number).orElse(null)));
    }

    private @Nullable String helpUrl(String kind, Locale locale, @Nullable String orderNumber) {
        String situation = helpSituation(kind);
        if (situation == null) {
            return null;
        }
        return helpCentre
                .linkFor(situation, locale, orderNumber)
                .map(path -> publicUrl + path)
                .orElse(null);
    }

    /**
     * Whether the return has moved on so far that this news is needless: a request answered
     * (approved, refused) since, or items received and already resolved.
     */
    boolean returnMovedOn(MessageRow message, MessageKind kind) {
        boolean requested = kind.equals(MessageKind.RETURN_REQUESTED);
        Object id = message.facts().get("returnId");
        // Only these two kinds can be overtaken; the others are not worth a read of the return.
        if (id == null || !(requested || kind.equals(MessageKind.RETURN_RECEIVED))) {
            return false;
        }
        ReturnStatus status =
                returns.find(ReturnId.of(id.toString())).map(ReturnView::status).orElse(ReturnStatus.CANCELLED);
        return requested ? status != ReturnStatus.REQUESTED : status == ReturnStatus.RESOLVED;
    }

    boolean parcelDelivered(UUID shipmentId) {
        return tracking.shipment(shipmentId)
                .map(shipment -> shipment.status() == org.aftercart.tracking.TrackingStatus.DELIVERED)
                .orElse(false);
    }

    private static MessageModel.Parcel parcel(ShipmentView shipment, @Nullable OrderView order) {
        Map<UUID, String> titles = new HashMap<>();
        if (order != null) {
            order.lines().forEach(line -> titles.put(line.id(), line.title()));
        }
        return new MessageModel.Parcel(
                shipment.carrier(),
                shipment.service(),
                shipment.trackingNumber(),
                shipment.status().name(),
                shipment.promise() == null ? null : promise(shipment.promise()),
                shipment.items().stream()
                        .map(item -> new MessageModel.Item(
                                titles.getOrDefault(item.orderLineId(), item.sku()), item.sku(), item.quantity()))
                        .toList());
    }

    private static MessageModel.Promise promise(ShipmentView.DeliveryPromise promise) {
        return new MessageModel.Promise(promise.earliest(), promise.latest());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> facts) {
        Map<String, Object> copy = new HashMap<>();
        facts.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
