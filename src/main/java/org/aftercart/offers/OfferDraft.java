package org.aftercart.offers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;

/**
 * An offer as staff typed it, not yet checked. {@link #problems()} says what is wrong with it, field
 * by field, before anything is written.
 *
 * @param targetUrl where a click leads: an absolute http(s) address
 * @param code a code the customer types at checkout, shown on the page; blank for none
 * @param languages language codes of the pages that show it; empty: every language
 * @param startsAt {@code null} when the form's value could not be read
 * @param endsAt {@code null}: open-ended
 */
public record OfferDraft(
        OfferSlot slot,
        String headline,
        String body,
        String callToAction,
        String targetUrl,
        @Nullable String code,
        List<String> languages,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        boolean enabled) {

    public static final int MAX_HEADLINE = 80;
    public static final int MAX_BODY = 300;
    public static final int MAX_CALL_TO_ACTION = 40;
    public static final int MAX_TARGET_URL = 2000;
    public static final int MAX_CODE = 40;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    public OfferDraft {
        headline = headline.strip();
        body = body.strip();
        callToAction = callToAction.strip();
        targetUrl = targetUrl.strip();
        code = code == null || code.isBlank() ? null : code.strip();
        languages = languages.stream()
                .map(String::strip)
                .filter(language -> !language.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    /** What is wrong, by field ({@code headline}, {@code targetUrl}, …), as a short code; empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (headline.isEmpty() || headline.length() > MAX_HEADLINE) {
            problems.put("headline", "length");
        }
        if (body.length() > MAX_BODY) {
            problems.put("body", "length");
        }
        if (callToAction.isEmpty() || callToAction.length() > MAX_CALL_TO_ACTION) {
            problems.put("callToAction", "length");
        }
        if (!isWebAddress(targetUrl)) {
            problems.put("targetUrl", "format");
        }
        if (code != null && (code.length() > MAX_CODE || !CODE.matcher(code).matches())) {
            problems.put("code", "format");
        }
        if (languages.stream().anyMatch(language -> Languages.SUPPORTED.stream()
                .noneMatch(supported -> supported.getLanguage().equals(language)))) {
            problems.put("languages", "unknown");
        }
        if (startsAt == null) {
            problems.put("startsAt", "missing");
        } else if (endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.put("endsAt", "before-start");
        }
        return problems;
    }

    /** Only absolute http(s) addresses with a host: a click never leads to script or data. */
    static boolean isWebAddress(String address) {
        if (address.isEmpty() || address.length() > MAX_TARGET_URL) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
