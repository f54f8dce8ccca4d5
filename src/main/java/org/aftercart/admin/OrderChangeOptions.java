package org.aftercart.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.TrackingLinks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What an agent may still do to an order from its page: the changes the customer could make in
 * their account (while the order is changeable), and handing the order to the returns portal for a
 * customer on the phone (while some unit is returnable).
 */
@Component
class OrderChangeOptions {

    /** How long the hand-over link to the returns portal works, as on the account page. */
    static final Duration RETURN_HAND_OVER = Duration.ofMinutes(30);

    static final int MAX_QUANTITY = 99;

    private final Catalog catalog;
    private final TrackingLinks trackingLinks;
    private final ConsoleAccess access;

    OrderChangeOptions(Catalog catalog, TrackingLinks trackingLinks, ConsoleAccess access) {
        this.catalog = catalog;
        this.trackingLinks = trackingLinks;
        this.access = access;
    }

    void addTo(Model model, OrderView order) {
        UUID id = order.id().id();
        boolean canChange = order.changeable() && access.mayPost("/admin/orders/" + id + "/changes");
        model.addAttribute("canChange", canChange);
        model.addAttribute("maxQuantity", MAX_QUANTITY);
        Map<UUID, List<ProductVariant>> otherVariants = new LinkedHashMap<>();
        if (canChange) {
            for (OrderView.Line line : order.lines()) {
                List<ProductVariant> others = catalog.variantsOfSameProduct(line.sku()).stream()
                        .filter(variant -> variant.active() && !variant.sku().equals(line.sku()))
                        .toList();
                if (line.quantities().active() > 0 && !others.isEmpty()) {
                    otherVariants.put(line.id(), others);
                }
            }
        }
        model.addAttribute("otherVariants", otherVariants);
        boolean returnable =
                order.lines().stream().anyMatch(line -> line.quantities().returnable() > 0);
        model.addAttribute(
                "returnPath",
                returnable && access.mayPost("/console/returns/x/approve")
                        ? "/returns/start?t=" + trackingLinks.tokenFor(order.id(), RETURN_HAND_OVER)
                        : null);
    }
}
