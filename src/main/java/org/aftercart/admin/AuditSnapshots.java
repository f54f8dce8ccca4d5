package org.aftercart.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ReturnView;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What the staff audit log keeps of an order or a return before and after an action: its state and
 * quantities and money, no personal data (the log outlives a customer's erasure).
 */
final class AuditSnapshots {

    private AuditSnapshots() {}

    static Map<String, Object> of(OrderView order) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("number", order.number());
        snapshot.put("status", order.status().name());
        snapshot.put("paymentStatus", order.paymentStatus().name());
        snapshot.put("total", amount(order.total()));
        snapshot.put("version", order.version());
        snapshot.put(
                "lines",
                order.lines().stream()
                        .map(line -> Map.of(
                                "sku", line.sku(),
                                "ordered", line.quantities().ordered(),
                                "cancelled", line.quantities().cancelled(),
                                "shipped", line.quantities().shipped()))
                        .toList());
        return snapshot;
    }

    static Map<String, Object> of(ReturnView request) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("number", request.number());
        snapshot.put("status", request.status().name());
        snapshot.put("value", amount(request.value()));
        putIfPresent(snapshot, "refunded", request.refunded());
        putIfPresent(snapshot, "storeCredit", request.storeCredit());
        snapshot.put("items", request.items().size());
        return snapshot;
    }

    private static void putIfPresent(Map<String, Object> snapshot, String name, @Nullable Money money) {
        if (money != null) {
            snapshot.put(name, amount(money));
        }
    }

    private static String amount(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
