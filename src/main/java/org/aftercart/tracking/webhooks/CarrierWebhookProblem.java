package org.aftercart.tracking.webhooks;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Why a carrier delivery was refused at the door; each renders as an RFC 9457 problem. */
class CarrierWebhookProblem extends Problem {

    private CarrierWebhookProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static CarrierWebhookProblem secretNotConfigured(String sender, String setting) {
        return new CarrierWebhookProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "webhook-secret-not-configured",
                sender + " webhooks are not set up",
                "No " + sender + " webhook secret is configured (" + setting
                        + "), so no delivery can be verified and every one is refused");
    }

    static CarrierWebhookProblem missingSignature(String header, String format) {
        return new CarrierWebhookProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-signature-invalid",
                "Webhook signature missing",
                "Send " + format + " in " + header);
    }

    static CarrierWebhookProblem wrongSignature(String header) {
        return new CarrierWebhookProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-signature-invalid",
                "Webhook signature does not match",
                header + " is not the HMAC-SHA256 of this body with the shared secret");
    }

    static CarrierWebhookProblem unreadable(String reason) {
        return new CarrierWebhookProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "tracking-payload-unreadable",
                "Tracking payload not readable",
                reason);
    }
}
