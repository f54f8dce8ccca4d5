package org.aftercart.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The merchant's brand on customer-facing pages and e-mails: applied through CSS custom properties
 * in {@code /css/brand.css}, so no page or style sheet changes per merchant. The configuration
 * ({@code aftercart.branding.*}) gives the defaults, an admin may change it in the console; {@link
 * BrandingSettings#current()} says which applies now. Values are checked here, whichever way they
 * come, as they end up in CSS and in the pages' Content-Security-Policy.
 *
 * @param shopName shown in the header and the page title
 * @param logoUrl an image shown instead of the shop's name as text; its origin is allowed by the
 *     page's Content-Security-Policy
 * @param primaryColour buttons, links, the progress bar; text on it is black or white, whichever
 *     reads better
 * @param accentColour the header's background
 * @param backgroundColour the page's background
 * @param fontFamily a CSS font stack of installed fonts, e.g. {@code Georgia, serif}
 * @param greeting the page's greeting, by language ({@code en}, {@code fr}); {0} is the customer's
 *     first name; a language without one gets the built-in text
 */
public record Branding(
        @DefaultValue("Aftercart Demo Shop") String shopName,
        @Nullable URI logoUrl,
        @DefaultValue("#0f766e") String primaryColour,
        @DefaultValue("#134e4a") String accentColour,
        @DefaultValue("#f7f5f0") String backgroundColour,
        @DefaultValue("system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif") String fontFamily,
        @DefaultValue Map<String, String> greeting) {

    public static final int MAX_SHOP_NAME_LENGTH = 100;
    public static final int MAX_LOGO_URL_LENGTH = 1000;
    public static final int MAX_GREETING_LENGTH = 200;

    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern FONTS = Pattern.compile("[\\p{L}\\p{N} ,\"'-]{1,200}");

    public Branding {
        List<InvalidBranding.Problem> problems = new ArrayList<>();
        if (shopName.isBlank() || shopName.length() > MAX_SHOP_NAME_LENGTH) {
            problems.add(new InvalidBranding.Problem(
                    "shop-name", "must be a name of 1 to " + MAX_SHOP_NAME_LENGTH + " characters"));
        }
        if (logoUrl != null && !isImageAddress(logoUrl)) {
            problems.add(new InvalidBranding.Problem(
                    "logo-url",
                    "must be an http(s) address or a path of at most " + MAX_LOGO_URL_LENGTH + " characters"));
        }
        colour(primaryColour, "primary-colour", problems);
        colour(accentColour, "accent-colour", problems);
        colour(backgroundColour, "background-colour", problems);
        if (!FONTS.matcher(fontFamily).matches()) {
            problems.add(new InvalidBranding.Problem("font-family", "must be font names, commas and quotes only"));
        }
        greeting.forEach((language, text) -> {
            if (text.length() > MAX_GREETING_LENGTH) {
                problems.add(new InvalidBranding.Problem(
                        "greeting." + language, "must be at most " + MAX_GREETING_LENGTH + " characters"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidBranding(problems);
        }
        greeting = Map.copyOf(greeting);
    }

    /**
     * A brand from text as a form sends it: a blank logo address or greeting is none, and every
     * wrong field is reported at once (an address that is not one among them).
     */
    public static Branding fromText(
            String shopName,
            String logoUrl,
            String primaryColour,
            String accentColour,
            String backgroundColour,
            String fontFamily,
            Map<String, String> greeting) {
        List<InvalidBranding.Problem> problems = new ArrayList<>();
        URI logo = null;
        if (!logoUrl.isBlank()) {
            try {
                logo = new URI(logoUrl.strip());
            } catch (URISyntaxException notAnAddress) {
                problems.add(new InvalidBranding.Problem("logo-url", "must be an http(s) address or a path"));
            }
        }
        Map<String, String> greetings = new LinkedHashMap<>();
        greeting.forEach((language, text) -> {
            if (!text.isBlank()) {
                greetings.put(language, text.strip());
            }
        });
        try {
            Branding branding = new Branding(
                    shopName.strip(),
                    logo,
                    primaryColour.strip(),
                    accentColour.strip(),
                    backgroundColour.strip(),
                    fontFamily.strip(),
                    greetings);
            if (problems.isEmpty()) {
                return branding;
            }
        } catch (InvalidBranding invalid) {
            invalid.problems().stream()
                    .filter(problem ->
                            problems.stream().noneMatch(p -> p.field().equals(problem.field())))
                    .forEach(problems::add);
        }
        throw new InvalidBranding(problems);
    }

    @Nullable
    public String greetingFor(Locale locale) {
        String text = greeting.get(locale.getLanguage());
        return text == null || text.isBlank() ? null : text;
    }

    /** The origin the logo comes from when it is on another site, for the Content-Security-Policy. */
    @Nullable
    public String logoOrigin() {
        if (logoUrl == null || !logoUrl.isAbsolute()) {
            return null;
        }
        return logoUrl.getScheme() + "://" + logoUrl.getRawAuthority();
    }

    /** The style sheet that applies the brand to the whole page: custom properties only. */
    public String stylesheet() {
        return stylesheet(":root");
    }

    /** The brand's custom properties for the elements this (fixed, trusted) CSS selector picks. */
    public String stylesheet(String selector) {
        return """
                %s {
                    --brand-primary: %s;
                    --brand-on-primary: %s;
                    --brand-accent: %s;
                    --brand-on-accent: %s;
                    --brand-background: %s;
                    --brand-font: %s;
                }
                """
                .formatted(
                        selector,
                        primaryColour,
                        readableOn(primaryColour),
                        accentColour,
                        readableOn(accentColour),
                        backgroundColour,
                        fontFamily);
    }

    /**
     * A short fingerprint of what the style sheet says, for its address: a page links the version it
     * was rendered with, so a browser never keeps an old brand once it changed.
     */
    public String stylesheetVersion() {
        return Integer.toHexString(stylesheet().hashCode());
    }

    private static boolean isImageAddress(URI address) {
        if (address.toString().length() > MAX_LOGO_URL_LENGTH) {
            return false;
        }
        if (address.isAbsolute()) {
            return ("https".equals(address.getScheme()) || "http".equals(address.getScheme()))
                    && address.getRawAuthority() != null;
        }
        return address.toString().startsWith("/");
    }

    private static void colour(String value, String name, List<InvalidBranding.Problem> problems) {
        if (!COLOUR.matcher(value).matches()) {
            problems.add(new InvalidBranding.Problem(name, "must be a colour like #0f766e"));
        }
    }

    /** The colour written with six hex digits, lower case ({@code #abc} is {@code #aabbcc}), as colour inputs take it. */
    public static String sixDigits(String colour) {
        String hex = colour.substring(1).toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }

    /** Black or white, whichever contrasts more with the colour (WCAG relative luminance). */
    public static String readableOn(String colour) {
        String hex = sixDigits(colour).substring(1);
        double luminance = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4);
        double withWhite = 1.05 / (luminance + 0.05);
        double withBlack = (luminance + 0.05) / 0.05;
        return withWhite >= withBlack ? "#ffffff" : "#111111";
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
