package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The brand's own checks, which the configuration and the console's form both go through. */
class BrandingTests {

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> new Branding(
                        " ",
                        URI.create("javascript:alert(1)"),
                        "red",
                        "#12345",
                        "#fff",
                        "Georgia; } body { display: none",
                        Map.of("fr", "x".repeat(Branding.MAX_GREETING_LENGTH + 1))))
                .isInstanceOfSatisfying(InvalidBranding.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidBranding.Problem::field)
                        .containsExactly(
                                "shop-name",
                                "logo-url",
                                "primary-colour",
                                "accent-colour",
                                "font-family",
                                "greeting.fr"))
                .hasMessageContaining("aftercart.branding.primary-colour must be a colour like #0f766e");
    }

    @Test
    void aFormsTextIsTrimmedBlankMeansNoneAndAnUnreadableAddressIsOneMoreProblem() {
        Branding branding = Branding.fromText(
                " Maison Lune ",
                "",
                "#112233",
                "#abc",
                "#ffffff",
                "Georgia, serif",
                Map.of("en", " ", "fr", "Salut {0}"));
        assertThat(branding.shopName()).isEqualTo("Maison Lune");
        assertThat(branding.logoUrl()).isNull();
        assertThat(branding.greeting()).containsExactly(Map.entry("fr", "Salut {0}"));

        assertThatThrownBy(() -> Branding.fromText(
                        "Maison Lune", "https://exa mple.org/logo.png", "#zzzzzz", "#abc", "#fff", "serif", Map.of()))
                .isInstanceOfSatisfying(InvalidBranding.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidBranding.Problem::field)
                        .containsExactly("logo-url", "primary-colour"));
    }

    @Test
    void aLogoIsAnAddressOnThisSiteOrAnHttpOneWhoseOriginThePolicyAllows() {
        Branding path = Branding.fromText("Shop", "/images/logo.svg", "#000", "#000", "#fff", "serif", Map.of());
        assertThat(path.logoOrigin()).isNull();
        Branding remote = Branding.fromText(
                "Shop", "https://cdn.example.org:8443/brand/logo.png", "#000", "#000", "#fff", "serif", Map.of());
        assertThat(remote.logoOrigin()).isEqualTo("https://cdn.example.org:8443");
        assertThatThrownBy(() ->
                        Branding.fromText("Shop", "https:///nohost.png", "#000", "#000", "#fff", "serif", Map.of()))
                .isInstanceOf(InvalidBranding.class);
        assertThatThrownBy(() -> Branding.fromText("Shop", "logo.png", "#000", "#000", "#fff", "serif", Map.of()))
                .isInstanceOf(InvalidBranding.class);
    }

    @Test
    void colourInputsGetSixDigitsAndTheStyleSheetVersionFollowsTheColours() {
        assertThat(Branding.sixDigits("#AbC")).isEqualTo("#aabbcc");
        assertThat(Branding.sixDigits("#0F766E")).isEqualTo("#0f766e");
        Branding one = Branding.fromText("Shop", "", "#0f766e", "#134e4a", "#f7f5f0", "serif", Map.of());
        Branding other = Branding.fromText("Shop", "", "#7c2d12", "#134e4a", "#f7f5f0", "serif", Map.of());
        assertThat(one.stylesheetVersion()).isNotEqualTo(other.stylesheetVersion());
        assertThat(one.stylesheet(".brand-preview"))
                .startsWith(".brand-preview {")
                .contains("--brand-primary: #0f766e;");
    }
}
