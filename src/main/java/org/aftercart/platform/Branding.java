package org.aftercart.platform;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The merchant's brand on customer-facing pages ({@code aftercart.branding.*}): applied through CSS
 * custom properties in {@code /css/brand.css}, so no page or style sheet changes per merchant.
 * Values are checked here, as they end up in CSS.
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
@ConfigurationProperties("aftercart.branding")
public record Branding(
        @DefaultValue("Aftercart Demo Shop") String shopName,
        @Nullable URI logoUrl,
        @DefaultValue("#0f766e") String primaryColour,
        @DefaultValue("#134e4a") String accentColour,
        @DefaultValue("#f7f5f0") String backgroundColour,
        @DefaultValue("system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif") String fontFamily,
        @DefaultValue Map<String, String> greeting) {

    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern FONTS = Pattern.compile("[\\p{L}\\p{N} ,\"'-]{1,200}");

    public Branding {
        colour(primaryColour, "primary-colour");
        colour(accentColour, "accent-colour");
        colour(backgroundColour, "background-colour");
        if (!FONTS.matcher(fontFamily).matches()) {
            throw new IllegalArgumentException("aftercart.branding.font-family: font names, commas and quotes only");
        }
        if (logoUrl != null
                && (!logoUrl.isAbsolute() && !logoUrl.toString().startsWith("/")
                        || logoUrl.isAbsolute()
                                && !"https".equals(logoUrl.getScheme())
                                && !"http".equals(logoUrl.getScheme()))) {
            throw new IllegalArgumentException("aftercart.branding.logo-url must be an http(s) address or a path");
        }
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

    /** The style sheet that applies the brand: custom properties only. */
    public String stylesheet() {
        return """
                :root {
                    --brand-primary: %s;
                    --brand-on-primary: %s;
                    --brand-accent: %s;
                    --brand-on-accent: %s;
                    --brand-background: %s;
                    --brand-font: %s;
                }
                """
                .formatted(
                        primaryColour,
                        readableOn(primaryColour),
                        accentColour,
                        readableOn(accentColour),
                        backgroundColour,
                        fontFamily);
    }

    private static void colour(String value, String name) {
        if (!COLOUR.matcher(value).matches()) {
            throw new IllegalArgumentException("aftercart.branding." + name + " must be a colour like #0f766e");
        }
    }

    /** Black or white, whichever contrasts more with the colour (WCAG relative luminance). */
    public static String readableOn(String colour) {
        String hex = colour.substring(1).toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
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
