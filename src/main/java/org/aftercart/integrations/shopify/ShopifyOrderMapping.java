package org.aftercart.integrations.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.integrations.shopify.ShopifyPayloads.Address;
import org.aftercart.integrations.shopify.ShopifyPayloads.LineItem;
import org.aftercart.integrations.shopify.ShopifyPayloads.Order;
import org.aftercart.integrations.shopify.ShopifyPayloads.ShippingLine;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Shopify's order in Aftercart's terms. Pure functions, no I/O: every mapping rule lives here and is
 * unit-tested. The choices are explained in docs/adr/0005-shopify-webhook-intake.md.
 */
final class ShopifyOrderMapping {

    /** The catalog product that holds Shopify's custom items (line items without a product). */
    static final String CUSTOM_ITEMS_HANDLE = "shopify-custom-items";

    /** {@code source_name} values of marketplaces; anything else that is not POS counts as web. */
    private static final Set<String> MARKETPLACES = Set.of("amazon", "ebay", "etsy", "walmart", "zalando", "bol");

    private ShopifyOrderMapping() {}

    /**
     * An order as {@code OrderManagement.place} takes it, the line items it was made of (in the same
     * order as the command's lines) and what the mapping had to decide on the way.
     */
    record Mapped(PlaceOrder command, List<LineItem> items, List<String> notes) {}

    static Mapped toPlaceOrder(Order order) {
        try {
            return mapped(order);
        } catch (IllegalArgumentException tooLarge) {
            // Every amount fits on its own, but a line's total or the order's sum would not (Money).
            throw new ShopifyRefusal("Shopify order " + order.orderId() + " adds up to more than Aftercart keeps: "
                    + tooLarge.getMessage());
        }
    }

    private static Mapped mapped(Order order) {
        List<String> notes = new ArrayList<>();
        String currency = currencyOf(order);
        List<LineItem> items = new ArrayList<>();
        List<PlaceOrder.Line> lines = new ArrayList<>();
        Money linesTotal = Money.zero(Money.currency(currency));
        for (LineItem item : order.lines()) {
            int quantity = item.wanted();
            if (quantity <= 0) {
                notes.add("line item " + item.lineItemId() + " (" + sku(item) + ") has no quantity left; not taken");
                continue;
            }
            if (blank(item.sku())) {
                notes.add("line item " + item.lineItemId() + " has no SKU; taken as " + sku(item));
            }
            Money price = money(item.price(), currency, "price of line item " + item.lineItemId());
            if (price.isNegative()) {
                throw new ShopifyRefusal("Line item " + item.lineItemId() + " has a negative price " + price);
            }
            linesTotal = linesTotal.plus(price.times(quantity));
            items.add(item);
            lines.add(new PlaceOrder.Line(sku(item), quantity, price.amount(), lineTitle(item)));
        }
        if (lines.isEmpty()) {
            throw new ShopifyRefusal(
                    "Shopify order " + order.orderId() + " has no line item with a quantity; nothing to take");
        }
        Totals totals = totals(order, currency, linesTotal);
        notes.addAll(totals.notes());
        Optional<PaymentStatus> payment = paymentStatus(order.financialStatus());
        if (payment.isEmpty()) {
            notes.add("financial_status '" + order.financialStatus() + "' is not known; taken as pending");
        }
        PlaceOrder command = new PlaceOrder(
                channel(order.sourceName()),
                Long.toString(order.orderId()),
                customer(order),
                currency,
                List.copyOf(lines),
                address(order.shippingAddress()),
                payment.orElse(PaymentStatus.PENDING),
                totals.shipping().amount(),
                totals.tax().amount(),
                totals.discount().amount(),
                placedAt(order));
        return new Mapped(command, List.copyOf(items), List.copyOf(notes));
    }

    /** The order-level amounts, reconciled so that the order total is what Shopify charged. */
    record Totals(Money shipping, Money tax, Money discount, List<String> notes) {}

    /**
     * Shipping is the sum of the shipping lines, tax is {@code total_tax} unless prices include tax,
     * discount is {@code total_discounts}. When lines + shipping + tax − discount comes to more than
     * {@code total_price}, the difference is booked as discount (the customer was charged less than
     * the parts add up to, and refunds must never exceed what was charged). When it comes to less
     * (tips, duties, fees Aftercart has no place for), nothing is invented: the total stays lower and
     * the gap is noted.
     */
    static Totals totals(Order order, String currency, Money linesTotal) {
        List<String> notes = new ArrayList<>();
        Money shipping = Money.zero(linesTotal.currency());
        for (ShippingLine line : order.shipping()) {
            if (line.price() != null) {
                shipping = shipping.plus(money(line.price(), currency, "shipping line price"));
            }
        }
        Money tax = Money.zero(linesTotal.currency());
        if (Boolean.TRUE.equals(order.taxesIncluded())) {
            if (order.totalTax() != null && order.totalTax().signum() != 0) {
                notes.add("prices include tax of " + money(order.totalTax(), currency, "total_tax")
                        + "; no tax is added on top");
            }
        } else if (order.totalTax() != null) {
            tax = money(order.totalTax(), currency, "total_tax");
        }
        Money discount = order.totalDiscounts() == null
                ? Money.zero(linesTotal.currency())
                : money(order.totalDiscounts(), currency, "total_discounts");
        if (shipping.isNegative() || tax.isNegative() || discount.isNegative()) {
            throw new ShopifyRefusal("Shipping, tax and discounts cannot be negative (shipping " + shipping + ", tax "
                    + tax + ", discounts " + discount + ")");
        }
        Money itemised = linesTotal.plus(shipping).plus(tax).minus(discount);
        if (order.totalPrice() == null) {
            notes.add("no total_price; the order total is " + itemised);
            return new Totals(shipping, tax, discount, notes);
        }
        Money charged = money(order.totalPrice(), currency, "total_price");
        if (charged.isNegative()) {
            throw new ShopifyRefusal("total_price cannot be negative, got " + charged);
        }
        Money gap = itemised.minus(charged);
        String sum = "lines " + linesTotal + " + shipping " + shipping + " + tax " + tax + " − discounts " + discount
                + " = " + itemised;
        if (gap.isPositive()) {
            discount = discount.plus(gap);
            notes.add(sum + ", but total_price is " + charged + "; the " + gap
                    + " difference is booked as discount so that the order total is what Shopify charged");
        } else if (gap.isNegative()) {
            notes.add(sum + ", but total_price is " + charged + ", " + gap.negate() + " more (tips, duties or fees?);"
                    + " Aftercart has no place for that, so its order total stays " + itemised);
        }
        return new Totals(shipping, tax, discount, notes);
    }

    /**
     * {@code pos} is a store sale, a marketplace's name is a marketplace order, and everything else
     * (the online store {@code web}, draft orders, mobile, headless storefronts) is web.
     */
    static SalesChannel channel(@Nullable String sourceName) {
        if (sourceName == null) {
            return SalesChannel.WEB;
        }
        String source = sourceName.trim().toLowerCase(Locale.ROOT);
        if (source.equals("pos")) {
            return SalesChannel.STORE;
        }
        if (source.contains("marketplace") || MARKETPLACES.stream().anyMatch(source::startsWith)) {
            return SalesChannel.MARKETPLACE;
        }
        return SalesChannel.WEB;
    }

    /**
     * The line item's SKU; without one, {@code shopify-variant-<variant_id>}, and for a custom item
     * (no variant either) {@code shopify-item-<line item id>}.
     */
    static String sku(LineItem item) {
        if (!blank(item.sku())) {
            return item.sku().trim();
        }
        if (item.variantId() != null) {
            return "shopify-variant-" + item.variantId();
        }
        return "shopify-item-" + item.lineItemId();
    }

    static Optional<PaymentStatus> paymentStatus(@Nullable String financialStatus) {
        if (financialStatus == null) {
            return Optional.empty();
        }
        return switch (financialStatus.trim().toLowerCase(Locale.ROOT)) {
            case "pending" -> Optional.of(PaymentStatus.PENDING);
            case "authorized" -> Optional.of(PaymentStatus.AUTHORIZED);
            case "partially_paid" -> Optional.of(PaymentStatus.PARTIALLY_PAID);
            case "paid" -> Optional.of(PaymentStatus.PAID);
            case "partially_refunded" -> Optional.of(PaymentStatus.PARTIALLY_REFUNDED);
            case "refunded" -> Optional.of(PaymentStatus.REFUNDED);
            case "voided" -> Optional.of(PaymentStatus.VOIDED);
            default -> Optional.empty();
        };
    }

    /** Who ordered: {@code null} when Shopify has no e-mail address (e.g. an anonymous POS sale). */
    static @Nullable ContactDetails customer(Order order) {
        var customer = order.customer();
        String email = firstNonBlank(order.email(), order.contactEmail(), customer == null ? null : customer.email());
        if (email == null) {
            return null;
        }
        String name = customer == null ? null : join(customer.firstName(), customer.lastName());
        if (name == null) {
            name = nameOf(order.billingAddress());
        }
        String phone = firstNonBlank(
                order.phone(),
                customer == null ? null : customer.phone(),
                order.billingAddress() == null ? null : order.billingAddress().phone());
        String language =
                order.customerLocale() != null && order.customerLocale().matches("[a-z]{2}(-[A-Z]{2})?")
                        ? order.customerLocale()
                        : null;
        String country = firstNonBlank(
                order.shippingAddress() == null ? null : order.shippingAddress().countryCode(),
                order.billingAddress() == null ? null : order.billingAddress().countryCode());
        return new ContactDetails(email, name, phone, null, language, country);
    }

    /** Codes where Shopify has them (country_code, province_code), as carriers want them. */
    static @Nullable ShippingAddress address(@Nullable Address address) {
        if (address == null) {
            return null;
        }
        ShippingAddress mapped = new ShippingAddress(
                nameOf(address),
                trimmed(address.address1()),
                trimmed(address.address2()),
                trimmed(address.city()),
                trimmed(address.zip()),
                firstNonBlank(address.provinceCode(), address.province()),
                firstNonBlank(address.countryCode(), address.country()));
        boolean empty = Stream.of(
                        mapped.name(),
                        mapped.line1(),
                        mapped.line2(),
                        mapped.city(),
                        mapped.postcode(),
                        mapped.region(),
                        mapped.country())
                .allMatch(part -> part == null);
        return empty ? null : mapped;
    }

    /**
     * How an unknown SKU enters the catalog: variants of one Shopify product share a catalog
     * product (handle {@code shopify-product-<product_id>}), priced as this line item was.
     */
    static Catalog.VariantDescription variant(LineItem item, String currency) {
        String productTitle = firstNonBlank(item.title(), item.name(), sku(item));
        String options = item.variantTitle() == null || item.variantTitle().equals("Default Title")
                ? ""
                : item.variantTitle().trim();
        return new Catalog.VariantDescription(
                sku(item),
                item.productId() == null ? CUSTOM_ITEMS_HANDLE : "shopify-product-" + item.productId(),
                productTitle == null ? sku(item) : productTitle,
                options,
                null,
                money(item.price(), currency, "price of line item " + item.lineItemId()));
    }

    static String lineTitle(LineItem item) {
        String title = firstNonBlank(item.name(), join(item.title(), item.variantTitle()));
        return title == null ? sku(item) : title;
    }

    static String currencyOf(Order order) {
        try {
            return Money.currency(
                            order.currency() == null ? null : order.currency().trim())
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new ShopifyRefusal(e.getMessage());
        }
    }

    static Money money(@Nullable BigDecimal amount, String currency, String what) {
        if (amount == null) {
            throw new ShopifyRefusal("The " + what + " is missing");
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new ShopifyRefusal("The " + what + " is not a valid " + currency + " amount: " + e.getMessage());
        }
    }

    private static @Nullable Instant placedAt(Order order) {
        if (order.processedAt() != null) {
            return order.processedAt().toInstant();
        }
        return order.createdAt() == null ? null : order.createdAt().toInstant();
    }

    private static @Nullable String nameOf(@Nullable Address address) {
        if (address == null) {
            return null;
        }
        return firstNonBlank(address.name(), join(address.firstName(), address.lastName()));
    }

    private static @Nullable String join(@Nullable String first, @Nullable String second) {
        String joined = Stream.of(first, second)
                .filter(part -> !blank(part))
                .map(String::trim)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static @Nullable String firstNonBlank(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (!blank(candidate)) {
                return candidate.trim();
            }
        }
        return null;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
