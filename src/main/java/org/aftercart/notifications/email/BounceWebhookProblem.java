package org.aftercart.notifications.email;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Why a bounce handed over by HTTP was refused; each renders as an RFC 9457 problem. */
class BounceWebhookProblem extends Problem {

    private BounceWebhookProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static BounceWebhookProblem secretNotConfigured() {
        return new BounceWebhookProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "webhook-secret-not-configured",
                "E-mail bounces by HTTP are not set up",
                "No secret is configured (aftercart.notifications.bounces.webhook-secret or"
                        + " AFTERCART_BOUNCES_WEBHOOK_SECRET), so no caller can be verified and every bounce is refused");
    }

    static BounceWebhookProblem wrongSecret() {
        return new BounceWebhookProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-secret-invalid",
                "Missing or wrong secret",
                "Send the shared secret as 'Authorization: Bearer <secret>'");
    }

    static BounceWebhookProblem emptyBody() {
        return new BounceWebhookProblem(
                HttpStatus.BAD_REQUEST,
                "bounce-body-missing",
                "No e-mail in the body",
                "Send the bounce e-mail as it arrived, headers and body, with Content-Type: message/rfc822");
    }
}
