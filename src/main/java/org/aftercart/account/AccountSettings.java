package org.aftercart.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer account ({@code aftercart.account.*}).
 *
 * @param linkValidFor how long a sign-in link works (once)
 * @param linksPerAddress sign-in links one client address may ask for within {@code linkWindow}
 * @param linksPerEmail sign-in links asked for one e-mail address (whoever asks) within {@code
 *     linkWindow}
 * @param storefrontUrl the shop's storefront, where "order again" puts the items in a cart
 * @param reorderPath the storefront's cart permalink; {@code {items}} is replaced by the items as
 *     {@code <sku>:<quantity>} separated by commas (Shopify's {@code /cart/<variant>:<qty>,...})
 * @param timeZone dates on the account page are shown here when the customer chose no time zone
 */
@ConfigurationProperties("aftercart.account")
record AccountSettings(
        @DefaultValue("15m") Duration linkValidFor,
        @DefaultValue("10") int linksPerAddress,
        @DefaultValue("3") int linksPerEmail,
        @DefaultValue("15m") Duration linkWindow,
        @DefaultValue("https://shop.example.com") String storefrontUrl,
        @DefaultValue("/cart/{items}") String reorderPath,
        @DefaultValue("Europe/London") java.time.ZoneId timeZone) {

    AccountSettings {
        if (!linkValidFor.isPositive() || !linkWindow.isPositive() || linksPerAddress < 1 || linksPerEmail < 1) {
            throw new IllegalArgumentException(
                    "aftercart.account: link-valid-for and link-window must be positive, the link limits at least 1");
        }
        while (storefrontUrl.endsWith("/")) {
            storefrontUrl = storefrontUrl.substring(0, storefrontUrl.length() - 1);
        }
    }
}
