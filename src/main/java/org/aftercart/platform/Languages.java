package org.aftercart.platform;

import java.util.List;
import java.util.Locale;

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
}
