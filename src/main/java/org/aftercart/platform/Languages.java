package org.aftercart.platform;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** The languages the pages are translated into: one messages bundle each; the first is the fallback. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private Languages() {}

    public static boolean isSupported(Locale locale) {
        return SUPPORTED.stream().anyMatch(supported -> supported.getLanguage().equals(locale.getLanguage()));
    }

    /** The locale itself when its language is supported (keeping its region), otherwise the fallback. */
    public static Locale orFallback(Locale locale) {
        return isSupported(locale) ? locale : SUPPORTED.getFirst();
    }

    /** A language switch: one link per supported language to {@code addressIn} it, the current one marked. */
    public static List<LanguageLink> links(Locale current, Function<Locale, String> addressIn) {
        return SUPPORTED.stream()
                .map(language -> new LanguageLink(
                        language.getLanguage(),
                        nameInItself(language),
                        addressIn.apply(language),
                        language.getLanguage().equals(current.getLanguage())))
                .toList();
    }

    /** A language switch to the same path in each language ({@code ?lang=}), without the rest of the query. */
    public static List<LanguageLink> links(Locale current, String path) {
        return links(current, path, null);
    }

    /** A language switch to the same address in each language: the path and query, with {@code lang} set. */
    public static List<LanguageLink> links(Locale current, String path, @Nullable String query) {
        return links(current, language -> sameAddressIn(language, path, query));
    }

    /** The path and query with {@code lang} set to the language. */
    public static String sameAddressIn(Locale language, String path, @Nullable String query) {
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language.getLanguage())
                .build()
                .toUriString();
    }

    private static String nameInItself(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
