package org.aftercart.account;

import java.util.List;
import java.util.Locale;
import org.aftercart.orders.OrderView;
import org.aftercart.support.HelpCentre;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The help-centre article that fits where an order stands, pre-filled with its number: a parcel
 * late or in trouble first, then what the customer can still do (change it, return it), then how to
 * follow it; the help centre's home page when the shop wrote nothing for the situation.
 */
@Component
class OrderHelp {

    private final HelpCentre help;

    OrderHelp(HelpCentre help) {
        this.help = help;
    }

    String pathFor(OrderView order, List<ShipmentView> parcels, boolean returnable, Locale locale) {
        String situation = situation(order, parcels, returnable);
        return situation == null
                ? "/help?lang=" + locale.getLanguage()
                : help.linkFor(situation, locale, order.number()).orElse("/help?lang=" + locale.getLanguage());
    }

    private static @Nullable String situation(OrderView order, List<ShipmentView> parcels, boolean returnable) {
        if (parcels.stream().anyMatch(parcel -> parcel.status() == TrackingStatus.DELAYED)) {
            return "parcel-delayed";
        }
        if (parcels.stream().anyMatch(parcel -> switch (parcel.status()) {
            case EXCEPTION, ATTEMPT_FAILED, RETURNING_TO_SENDER -> true;
            default -> false;
        })) {
            return "parcel-exception";
        }
        if (order.changeable()) {
            return "change-order";
        }
        if (parcels.stream().anyMatch(parcel -> parcel.status() != TrackingStatus.DELIVERED)) {
            return "parcel-tracking";
        }
        return returnable ? "return-window" : null;
    }
}
