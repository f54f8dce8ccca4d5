package org.aftercart.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of every page the retailer's customers see (tracking, returns,
 * help centre, thank-you page, account): no inline scripts or styles, images from here and from
 * wherever the current brand's logo is. Written per response, so that a logo an admin moves to
 * another site loads at once, without a restart.
 */
public final class CustomerPageHeaders implements HeaderWriter {

    private final BrandingSettings branding;

    public CustomerPageHeaders(BrandingSettings branding) {
        this.branding = branding;
    }

    /** The policy for the brand that applies now. */
    public String contentSecurityPolicy() {
        String images = Stream.of("'self'", "data:", branding.current().logoOrigin())
                .filter(source -> source != null)
                .collect(Collectors.joining(" "));
        return "default-src 'self'; img-src " + images + "; style-src 'self'; script-src 'self';"
                + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy());
        }
    }
}
