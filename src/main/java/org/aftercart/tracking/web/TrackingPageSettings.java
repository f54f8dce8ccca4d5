package org.aftercart.tracking.web;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public tracking page ({@code aftercart.tracking.page.*}).
 *
 * @param timeZone the merchant's time zone: dates are shown in it when the customer has none on file
 * @param helpUrl where "get help" leads when the merchant's help lives elsewhere; empty (the
 *     default): Aftercart's help centre, at the article for the parcel's trouble if it has one
 * @param returnUrl where "start a return" leads when the merchant runs returns elsewhere; {@code
 *     {orderNumber}} is replaced by the order's number. Empty (the default): Aftercart's own returns
 *     portal, opened for this order
 * @param productUrl a product's page in the shop; {@code {handle}} and {@code {sku}} are replaced
 * @param recommendations how many products the complementary slot shows (0 hides it)
 * @param lookupsPerAddress guest lookups one client address may make per {@link #lookupWindow}
 * @param lookupsPerOrder guest lookups of one order number per {@link #lookupWindow}, from anywhere
 * @param lookupWindow the period over which those lookups are counted
 * @param lookupLinkValidity how long the page opened by a guest lookup stays open
 */
@ConfigurationProperties("aftercart.tracking.page")
record TrackingPageSettings(
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("") String helpUrl,
        @DefaultValue("") String returnUrl,
        @DefaultValue("https://shop.example.com/products/{handle}") String productUrl,
        @DefaultValue("4") int recommendations,
        @DefaultValue("20") int lookupsPerAddress,
        @DefaultValue("5") int lookupsPerOrder,
        @DefaultValue("15m") Duration lookupWindow,
        @DefaultValue("1d") Duration lookupLinkValidity) {

    TrackingPageSettings {
        if (!helpUrl.isBlank()) {
            requireWebAddress(helpUrl, "help-url");
        }
        if (!returnUrl.isBlank()) {
            requireWebAddress(returnUrl, "return-url");
        }
        requireWebAddress(productUrl, "product-url");
        if (!productUrl.contains("{handle}") && !productUrl.contains("{sku}")) {
            throw new IllegalArgumentException("aftercart.tracking.page.product-url needs {handle} or {sku}");
        }
        if (recommendations < 0 || recommendations > 12) {
            throw new IllegalArgumentException("aftercart.tracking.page.recommendations must be 0 to 12");
        }
        if (lookupsPerAddress < 1 || lookupsPerOrder < 1 || !lookupWindow.isPositive()) {
            throw new IllegalArgumentException("aftercart.tracking.page lookup limits must be positive");
        }
    }

    /** Only absolute http(s) addresses are ever sent to the browser or redirected to. */
    private static void requireWebAddress(String template, String name) {
        URI uri = URI.create(template.replace("{", "").replace("}", ""));
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("aftercart.tracking.page." + name + " must be an http(s) address");
        }
    }
}
