package org.aftercart.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Order again": Aftercart takes orders after they are placed and owns no cart, so it opens a cart
 * on the shop's storefront with the same items (a cart permalink, Shopify's {@code
 * /cart/<variant>:<quantity>,...}); the storefront prices them and takes the new order, which then
 * reaches Aftercart like any other.
 */
@Component
class Reorders {

    private final AccountSettings settings;

    Reorders(AccountSettings settings) {
        this.settings = settings;
    }

    /** The cart link with the order's items still ordered (not cancelled); {@code null} when there are none. */
    @Nullable
    String cartLink(OrderView order) {
        String items = order.lines().stream()
                .filter(line -> line.quantities().active() > 0)
                .map(line -> URLEncoder.encode(line.sku(), StandardCharsets.UTF_8) + ":"
                        + line.quantities().active())
                .collect(Collectors.joining(","));
        return items.isEmpty()
                ? null
                : settings.storefrontUrl() + settings.reorderPath().replace("{items}", items);
    }
}
