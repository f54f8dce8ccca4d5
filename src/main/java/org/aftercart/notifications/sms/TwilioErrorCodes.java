package org.aftercart.notifications.sms;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The provider's error codes that Aftercart acts on (Twilio's, https://www.twilio.com/docs/api/errors),
 * in words an agent can read.
 */
final class TwilioErrorCodes {

    /**
     * Refusals of a text that sending again will not change: the recipient or the text itself is the
     * problem. Every other refusal (a sender or account setting, a limit) is retried, so that the
     * texts go out once someone fixes the setting.
     */
    private static final Map<Integer, String> PERMANENT_REFUSALS = Map.of(
            21211, "the number is not a valid phone number",
            21214, "the number cannot be reached",
            21217, "the number does not appear to be valid",
            21602, "the text is empty",
            21610, "the recipient has unsubscribed from texts from this sender (replied STOP)",
            21612, "the number cannot be reached by text from this sender",
            21614, "the number is not a mobile number",
            21617, "the text is longer than 1,600 characters",
            21635, "the number is a landline");

    /** Why a text the provider took did not reach the handset (status callbacks' ErrorCode). */
    private static final Map<Integer, String> DELIVERY_FAILURES = Map.of(
            30003, "the handset is unreachable (switched off or out of coverage)",
            30004, "the recipient or their carrier blocks it",
            30005, "the number is unknown or no longer in service",
            30006, "the number is a landline or its carrier cannot take texts",
            30007, "the carrier filtered it as spam",
            30008, "the carrier failed for an unknown reason");

    private TwilioErrorCodes() {}

    /** What a permanent refusal means, or {@code null} when the code is not one. */
    static @Nullable String permanentRefusal(int code) {
        return PERMANENT_REFUSALS.get(code);
    }

    static String deliveryFailure(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "no error code given";
        }
        try {
            String meaning = DELIVERY_FAILURES.get(Integer.parseInt(code.strip()));
            return "error " + code.strip() + (meaning == null ? "" : ": " + meaning);
        } catch (NumberFormatException garbled) {
            return "error " + code.strip();
        }
    }
}
