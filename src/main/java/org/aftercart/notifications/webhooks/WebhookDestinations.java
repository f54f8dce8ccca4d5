package org.aftercart.notifications.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the network Aftercart runs in. Whoever holds an API key chooses where
 * webhooks go; without this check they could make Aftercart call its own database port, a cloud
 * provider's metadata service ({@code 169.254.169.254}) or any other address only reachable from
 * inside. So an endpoint must resolve to public addresses only, when it is registered and again
 * before every delivery (its DNS may have changed since). The check and the connection resolve the
 * name separately, so a name that changes its answer within that instant could still slip through;
 * a network egress rule closes that gap where it matters. Set {@code
 * aftercart.notifications.webhooks.allow-private-addresses} to receive webhooks inside a private
 * network (and in development).
 */
@Component
class WebhookDestinations {

    private final boolean allowPrivateAddresses;

    WebhookDestinations(WebhookSettings settings) {
        this.allowPrivateAddresses = settings.allowPrivateAddresses();
    }

    /**
     * Why Aftercart will not call a URL.
     *
     * @param unresolved the name did not resolve, which may be passing
     */
    record Refusal(String reason, boolean unresolved) {}

    /** Why Aftercart will not call this URL, if it will not. */
    Optional<Refusal> refusal(URI url) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("The host " + host + " cannot be resolved.", true));
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(new Refusal(
                        "The host " + host + " resolves to " + address.getHostAddress()
                                + ", an address inside a private network; Aftercart only calls public addresses"
                                + " unless aftercart.notifications.webhooks.allow-private-addresses is set.",
                        false));
            }
        }
        return Optional.empty();
    }

    /** Not loopback, private (RFC 1918, RFC 4193), link-local, carrier-grade NAT, multicast or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean sharedAddressSpace = first == 100 && second >= 64 && second < 128; // RFC 6598
            boolean thisNetwork = first == 0;
            return !sharedAddressSpace && !thisNetwork;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
            return !uniqueLocal;
        }
        return true;
    }
}
