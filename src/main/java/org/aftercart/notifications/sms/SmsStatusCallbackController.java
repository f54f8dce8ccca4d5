package org.aftercart.notifications.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.aftercart.notifications.DeliveryReports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's status callbacks ({@code POST /webhooks/sms/status}): a text that {@code failed}
 * or was {@code undelivered} bounced, and its message becomes undeliverable; {@code delivered} is
 * noted; other statuses (queued, sent, …) change nothing. The path is public, so each callback
 * must carry the provider's signature; texts Aftercart does not know get the same empty 200 as the
 * others, so a caller learns nothing about which sids exist.
 */
@RestController
@ConditionalOnProperty("aftercart.notifications.sms.base-url")
class SmsStatusCallbackController {

    static final String SIGNATURE = "X-Twilio-Signature";

    private static final Logger log = LoggerFactory.getLogger(SmsStatusCallbackController.class);

    private final SmsSettings settings;
    private final TwilioSignature signature;
    private final DeliveryReports reports;

    SmsStatusCallbackController(SmsSettings settings, DeliveryReports reports) {
        this.settings = settings;
        this.signature =
                new TwilioSignature(Objects.requireNonNull(settings.authToken()), settings.previousAuthToken());
        this.reports = reports;
    }

    @PostMapping("/webhooks/sms/status")
    ResponseEntity<Void> status(
            @RequestHeader(name = SIGNATURE, required = false) @Nullable String claimed,
            @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        String url = signedUrl(request);
        if (!signature.matches(url, parameters, claimed)) {
            log.warn("Refused an SMS status callback with a wrong signature for {}", url);
            throw SmsCallbackProblem.wrongSignature();
        }
        String sid = parameters.getFirst("MessageSid");
        String status = parameters.getFirst("MessageStatus");
        if (sid == null || status == null) {
            return ResponseEntity.ok().build();
        }
        switch (status) {
            case "failed", "undelivered" -> {
                String reason = "The SMS provider reports the text " + status + " ("
                        + TwilioErrorCodes.deliveryFailure(parameters.getFirst("ErrorCode")) + ").";
                if (reports.bounced("SMS", sid, reason)) {
                    log.info("SMS {} bounced: {}", sid, reason);
                }
            }
            case "delivered" -> reports.delivered("SMS", sid);
            default -> {}
        }
        return ResponseEntity.ok().build();
    }

    /**
     * The provider signs the address it called: the status callback URL Aftercart sent it, which
     * stays right behind a proxy; without one (a callback set on the provider's side), the address
     * as it arrived here.
     */
    private String signedUrl(HttpServletRequest request) {
        if (settings.statusCallbackUrl() != null) {
            return settings.statusCallbackUrl().toString();
        }
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }
}
