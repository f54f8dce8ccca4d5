package org.aftercart.returns.labels;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words printed on labels and spoken for drop-off codes, in the customer's language, from the
 * {@code labels} bundle next to this class (English, French). They are read without Spring so that
 * a label can be made anywhere, and without falling back to the server's language: a language
 * without a translation gets English.
 */
final class LabelWords {

    private static final String BUNDLE = LabelWords.class.getPackageName() + ".labels";

    private final ResourceBundle bundle;
    private final Locale locale;

    private LabelWords(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static LabelWords in(Locale locale) {
        return new LabelWords(
                ResourceBundle.getBundle(
                        BUNDLE,
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                locale);
    }

    /** The text of a key; with arguments, a {@link MessageFormat} pattern filled with them. */
    String get(String key, Object... arguments) {
        var pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
