package org.aftercart.returns;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What arrived of one returned item.
 *
 * @param itemId the return item (not the order line)
 * @param quantity units that arrived, at most the units asked back
 * @param resellable whether they go back on the shelf
 * @param restockLocation where they go back on the shelf; the store of an in-store return, or the
 *     default restock location, when {@code null}
 */
public record ReceivedItem(
        UUID itemId, int quantity, ItemCondition condition, boolean resellable, @Nullable String restockLocation) {}
