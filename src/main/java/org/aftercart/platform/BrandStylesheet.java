package org.aftercart.platform;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's brand as CSS custom properties, one style sheet for every customer-facing page
 * (tracking page, returns portal, help centre). Under {@code /css/}, which every visitor may read.
 */
@RestController
class BrandStylesheet {

    private final Branding branding;

    BrandStylesheet(Branding branding) {
        this.branding = branding;
    }

    @GetMapping(value = "/css/brand.css", produces = "text/css")
    ResponseEntity<String> brand() {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .header("Cache-Control", "public, max-age=300")
                .body(branding.stylesheet());
    }
}
