package org.aftercart.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aftercart.platform.Branding;
import org.aftercart.platform.Languages;

/**
 * The branding settings form as the browser sends it: text per field, named as the configuration
 * names them ({@code shop-name}, {@code greeting.fr}), so that the brand's own checks point at them.
 */
record BrandingForm(
        String shopName,
        String logoUrl,
        String primaryColour,
        String accentColour,
        String backgroundColour,
        String fontFamily,
        Map<String, String> greeting) {

    static BrandingForm of(Map<String, String> fields) {
        Map<String, String> greeting = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            greeting.put(language.getLanguage(), fields.getOrDefault("greeting." + language.getLanguage(), ""));
        }
        return new BrandingForm(
                fields.getOrDefault("shop-name", ""),
                fields.getOrDefault("logo-url", ""),
                fields.getOrDefault("primary-colour", ""),
                fields.getOrDefault("accent-colour", ""),
                fields.getOrDefault("background-colour", ""),
                fields.getOrDefault("font-family", ""),
                greeting);
    }

    /** The brand as it stands, colours as colour inputs take them (six lower-case hex digits). */
    static BrandingForm of(Branding branding) {
        Map<String, String> greeting = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            String text = branding.greeting().get(language.getLanguage());
            greeting.put(language.getLanguage(), text == null ? "" : text);
        }
        return new BrandingForm(
                branding.shopName(),
                branding.logoUrl() == null ? "" : branding.logoUrl().toString(),
                Branding.sixDigits(branding.primaryColour()),
                Branding.sixDigits(branding.accentColour()),
                Branding.sixDigits(branding.backgroundColour()),
                branding.fontFamily(),
                greeting);
    }

    /** The form's fields under the names the browser sends, so that {@link #of(Map)} reads them back. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shop-name", shopName);
        fields.put("logo-url", logoUrl);
        fields.put("primary-colour", primaryColour);
        fields.put("accent-colour", accentColour);
        fields.put("background-colour", backgroundColour);
        fields.put("font-family", fontFamily);
        greeting.forEach((language, text) -> fields.put("greeting." + language, text));
        return fields;
    }

    /** This form with the named fields taken from {@code other}. */
    BrandingForm withFieldsOf(BrandingForm other, Set<String> names) {
        Map<String, String> fields = fields();
        Map<String, String> replacements = other.fields();
        names.stream().filter(replacements::containsKey).forEach(name -> fields.put(name, replacements.get(name)));
        return of(fields);
    }

    /** The brand, checked by {@link Branding} itself: an {@code InvalidBranding} names every wrong field. */
    Branding toBranding() {
        return Branding.fromText(
                shopName, logoUrl, primaryColour, accentColour, backgroundColour, fontFamily, greeting);
    }

    public String greeting(String language) {
        return greeting.getOrDefault(language, "");
    }
}
