package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A photo's type is decided by its first bytes, whatever its name or declared type says. */
class ReturnPhotosUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "-",
            value = {
                "JPEG, ffd8ffe000104a464946, image/jpeg",
                "PNG, 89504e470d0a1a0a0000000d, image/png",
                "WebP, 524946462400000057454250565038, image/webp",
                "RIFF but WAVE audio, 524946462400000057415645666d74, -",
                "GIF, 474946383961, -",
                "PDF, 255044462d312e34, -",
                "truncated PNG, 89504e47, -",
                "empty, '', -"
            })
    void recognisesJpegPngAndWebpOnly(String what, String hex, String type) {
        assertThat(ReturnPhotos.contentType(HexFormat.of().parseHex(hex)).orElse(null))
                .as(what)
                .isEqualTo(type);
    }
}
