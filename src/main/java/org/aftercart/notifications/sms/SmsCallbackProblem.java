package org.aftercart.notifications.sms;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Why an SMS status callback was refused; renders as an RFC 9457 problem. */
class SmsCallbackProblem extends Problem {

    private SmsCallbackProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static SmsCallbackProblem wrongSignature() {
        return new SmsCallbackProblem(
                HttpStatus.UNAUTHORIZED,
                "webhook-signature-invalid",
                "Webhook signature does not match",
                SmsStatusCallbackController.SIGNATURE
                        + " must be the base64 HMAC-SHA1, keyed with the auth token, of the callback URL"
                        + " followed by the POST parameters sorted by name");
    }
}
