package org.aftercart.returns;

import java.util.Locale;
import java.util.Map;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A return reason's label in a language, wherever a reason is shown (the portal, the account page,
 * the store counter, the console, the API): the merchant's label for that language, else the
 * messages bundles' (the built-in reasons), else the merchant's label in the fallback language,
 * else the code. Read from the database each time, so a label changed in the console shows at once.
 */
@Component
public class ReturnReasonLabels {

    private final ReturnReasons reasons;
    private final MessageSource messages;

    ReturnReasonLabels(ReturnReasons reasons, MessageSource messages) {
        this.reasons = reasons;
        this.messages = messages;
    }

    public String label(ReturnReason reason, Locale locale) {
        return label(reason.code(), reason.labels(), locale);
    }

    /** The label of the reason with this code, active or not (a return keeps the reason it gave). */
    public String label(String code, Locale locale) {
        return label(code, reasons.labelsOf(code), locale);
    }

    private String label(String code, Map<String, String> labels, Locale locale) {
        String own = labels.get(locale.getLanguage());
        if (own != null) {
            return own;
        }
        @Nullable String bundled = messages.getMessage("returns.reason." + code, null, null, locale);
        if (bundled != null) {
            return bundled;
        }
        String fallback = labels.get(Languages.SUPPORTED.getFirst().getLanguage());
        return fallback != null ? fallback : code;
    }
}
