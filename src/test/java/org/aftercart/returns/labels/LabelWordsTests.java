package org.aftercart.returns.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LabelWordsTests {

    @Test
    void everyWordExistsInEveryLanguage() throws IOException {
        var english = load("labels.properties");
        var french = load("labels_fr.properties");

        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @Test
    void aLanguageWithoutTranslationGetsEnglishWhateverTheServersLanguage() {
        var serverLanguage = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            assertThat(LabelWords.in(Locale.GERMAN).get("label.to")).isEqualTo("Return to");
            assertThat(LabelWords.in(Locale.CANADA_FRENCH).get("label.to")).isEqualTo("Retour à");
        } finally {
            Locale.setDefault(serverLanguage);
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = LabelWords.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
