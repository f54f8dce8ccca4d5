package org.aftercart.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.ReturnView;
import org.jspecify.annotations.Nullable;

/**
 * Reads the receipt form of a return: per item {@code quantity-<item id>}, {@code
 * condition-<item id>}, {@code resellable-<item id>} (a checkbox) and {@code location-<item id>}.
 * Ranges are the module's to check; this only refuses what is not a number or a condition.
 */
final class ReceiptForm {

    private ReceiptForm() {}

    /**
     * @param defaultLocation the restock location when the form names none (the store's, at the counter)
     * @throws IllegalArgumentException when a field cannot be read
     */
    static List<ReceivedItem> read(ReturnView request, Map<String, String> form, @Nullable String defaultLocation) {
        List<ReceivedItem> received = new ArrayList<>();
        for (ReturnView.Item item : request.items()) {
            String suffix = "-" + item.id();
            String quantity = form.getOrDefault("quantity" + suffix, String.valueOf(item.quantity()))
                    .strip();
            String condition = form.getOrDefault("condition" + suffix, ItemCondition.NEW.name());
            boolean resellable = "true".equals(form.get("resellable" + suffix));
            String location = form.getOrDefault("location" + suffix, "").strip();
            received.add(new ReceivedItem(
                    item.id(),
                    Integer.parseInt(quantity),
                    ItemCondition.valueOf(condition),
                    resellable,
                    location.isEmpty() ? defaultLocation : location));
        }
        return received;
    }
}
