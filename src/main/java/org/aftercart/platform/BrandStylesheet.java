package org.aftercart.platform;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's brand as CSS custom properties, one style sheet for every customer-facing page
 * (tracking page, returns portal, help centre). Under {@code /css/}, which every visitor may read.
 * Pages link it with the brand's version in the address ({@code ?v=}), so a browser fetches the
 * new one as soon as the brand changes; the short cache time covers addresses without it.
 */
@RestController
class BrandStylesheet {

    private final BrandingSettings branding;

    BrandStylesheet(BrandingSettings branding) {
        this.branding = branding;
    }

    @GetMapping(value = "/css/brand.css", produces = "text/css")
    ResponseEntity<String> brand() {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(branding.current().stylesheet());
    }
}
