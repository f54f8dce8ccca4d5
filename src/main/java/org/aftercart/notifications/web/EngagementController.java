package org.aftercart.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.Engagement;
import org.aftercart.platform.BrandingSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The addresses messages carry: the open pixel, click redirects and the unsubscribe page. Each is
 * signed for its message (and target); anything unsigned is answered as if it did not exist, and
 * the redirect only ever goes where the signature says.
 */
@Controller
@RequestMapping("/m/{message}")
class EngagementController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL =
            java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Engagement engagement;
    private final BrandingSettings branding;

    EngagementController(Engagement engagement, BrandingSettings branding) {
        this.engagement = engagement;
        this.branding = branding;
    }

    /** What the shop's page layout shows around the unsubscribe page (and its not-found page). */
    @ModelAttribute
    void pageLayout(Model model) {
        model.addAttribute("brand", branding.current());
        model.addAttribute("languages", List.of());
    }

    @GetMapping("/open.gif")
    ResponseEntity<byte[]> open(
            @PathVariable UUID message, @RequestParam(name = "s", defaultValue = "") String signature) {
        engagement.opened(message, signature);
        // The same pixel whatever happened: a mail client learns nothing from it.
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @GetMapping("/click")
    ResponseEntity<Void> click(
            @PathVariable UUID message,
            @RequestParam(name = "u", defaultValue = "") String target,
            @RequestParam(name = "s", defaultValue = "") String signature) {
        if (!engagement.clicked(message, target, signature)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, target)
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** The page the unsubscribe link opens: a button, so that link scanners do not unsubscribe anyone. */
    @GetMapping("/unsubscribe")
    String unsubscribePage(
            @PathVariable UUID message,
            @RequestParam(name = "s", defaultValue = "") String signature,
            HttpServletResponse response,
            Model model) {
        if (!engagement.canUnsubscribe(message, signature)) {
            return notFound(response);
        }
        model.addAttribute("action", "/m/" + message + "/unsubscribe?s=" + signature);
        return "notifications/unsubscribe";
    }

    /**
     * RFC 8058 one-click unsubscribe: mail clients POST {@code List-Unsubscribe=One-Click} here
     * without a session or CSRF token; the signed address is the proof. The page's button posts here
     * too.
     */
    @PostMapping("/unsubscribe")
    String unsubscribe(
            @PathVariable UUID message,
            @RequestParam(name = "s", defaultValue = "") String signature,
            HttpServletResponse response,
            Model model) {
        if (!engagement.unsubscribe(message, signature)) {
            return notFound(response);
        }
        model.addAttribute("done", true);
        return "notifications/unsubscribe";
    }

    /**
     * A link that is not signed for its message is answered as one that does not exist, with a 404
     * a mail client or a link checker can tell from a success.
     */
    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "tracking/not-found";
    }
}
