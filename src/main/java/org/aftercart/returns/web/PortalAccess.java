package org.aftercart.returns.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.springframework.stereotype.Component;

/**
 * Which orders this browser may see in the portal: those it proved with a guest lookup (order
 * number and the order's e-mail address or delivery postcode) or a signed tracking link. The grant
 * is kept in the HTTP session; every page checks the order it shows against it.
 */
@Component
class PortalAccess {

    static final String GRANTED = PortalAccess.class.getName() + ".orders";

    private final OrderManagement orders;

    PortalAccess(OrderManagement orders) {
        this.orders = orders;
    }

    /** The order whose number and e-mail address or delivery postcode match; the same answer for any mismatch. */
    Optional<OrderId> lookup(String number, String contact) {
        return orders.findForGuest(number, contact);
    }

    /** Lets this browser see the order; a new session id, so a session fixed beforehand gains nothing. */
    void grant(HttpServletRequest request, OrderId order) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        @SuppressWarnings("unchecked")
        Set<UUID> granted = (Set<UUID>) session.getAttribute(GRANTED);
        Set<UUID> updated = granted == null ? new HashSet<>() : new HashSet<>(granted);
        updated.add(order.id());
        session.setAttribute(GRANTED, Set.copyOf(updated));
    }

    boolean granted(HttpServletRequest request, OrderId order) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(GRANTED) instanceof Set<?> granted
                && granted.contains(order.id());
    }
}
