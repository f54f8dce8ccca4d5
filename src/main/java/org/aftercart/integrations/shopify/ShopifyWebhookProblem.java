package org.aftercart.integrations.shopify;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Why a webhook delivery was refused at the door; each renders as an RFC 9457 problem. */
class ShopifyWebhookProblem extends Problem {

    private ShopifyWebhookProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static ShopifyWebhookProblem secretNotConfigured() {
        return new ShopifyWebhookProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "webhook-secret-not-configured",
                "Shopify webhooks are not set up",
                "No Shopify webhook secret is configured (aftercart.shopify.webhook-secret or"
                        + " AFTERCART_SHOPIFY_WEBHOOK_SECRET), so no delivery can be verified and every one is refused");
    }

    static ShopifyWebhookProblem missingSignature() {
        return new ShopifyWebhookProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-signature-invalid",
                "Webhook signature missing",
                "Send the base64 HMAC-SHA256 of the raw body in X-Shopify-Hmac-Sha256");
    }

    static ShopifyWebhookProblem wrongSignature() {
        return new ShopifyWebhookProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-signature-invalid",
                "Webhook signature does not match",
                "X-Shopify-Hmac-Sha256 is not the HMAC-SHA256 of this body with the shared secret");
    }

    static ShopifyWebhookProblem badHeader(String header, String expectation) {
        return new ShopifyWebhookProblem(
                HttpStatus.BAD_REQUEST,
                "webhook-header-invalid",
                "Webhook header missing or invalid",
                "Header " + header + " " + expectation);
    }

    static ShopifyWebhookProblem malformedBody(String topic, String reason) {
        return new ShopifyWebhookProblem(
                HttpStatus.BAD_REQUEST,
                "webhook-body-malformed",
                "Webhook body is not a " + topic + " payload",
                reason);
    }
}
