package org.aftercart.support;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into HTML that is safe to put in a page: raw HTML in the Markdown is
 * shown as text, not obeyed; links and images may only use http(s), mailto or addresses on this site
 * (no {@code javascript:} or {@code data:}); headings get anchors and start at {@code h2}, under the
 * page's own {@code h1} (the article's title).
 */
@Component
class Markdown {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final List<String> SAFE_SCHEMES = List.of("http", "https", "mailto");

    private final Parser parser;
    private final HtmlRenderer renderer;

    Markdown() {
        var extensions = List.of(HeadingAnchorExtension.builder().idPrefix("h-").build());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeAddresses())
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Link && isOffSite(attributes.getOrDefault("href", ""))) {
                        attributes.put("rel", "noopener noreferrer nofollow");
                    }
                })
                .build();
    }

    String html(String markdown) {
        Node document = parser.parse(markdown);
        belowTheTitle(document);
        return renderer.render(document);
    }

    /** Shifts headings so that the highest one is {@code h2}: the page's {@code h1} is the title. */
    private static void belowTheTitle(Node document) {
        int[] highest = {7};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                highest[0] = Math.min(highest[0], heading.getLevel());
            }
        });
        int shift = highest[0] == 7 ? 0 : 2 - highest[0];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.clamp(heading.getLevel() + shift, 2, 6));
            }
        });
    }

    private static boolean isOffSite(String href) {
        return SCHEME.matcher(href).find() || href.startsWith("//");
    }

    /** Only addresses a reader can safely follow; anything else becomes an empty address. */
    private static final class SafeAddresses implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safe(url) && !url.toLowerCase(Locale.ROOT).startsWith("mailto:") ? url : "";
        }

        private static boolean safe(String url) {
            String trimmed = url.strip();
            // Browsers ignore control characters and spaces inside a scheme ("java\tscript:")
            String squeezed = trimmed.replaceAll("[\\p{Cntrl}\\s]", "");
            var scheme = SCHEME.matcher(squeezed);
            if (scheme.find()) {
                return SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
            }
            // A relative address: it must not smuggle a scheme in after a stray character.
            return !squeezed.contains(":") || squeezed.indexOf(':') > firstOf(squeezed, "/?#");
        }

        private static int firstOf(String text, String characters) {
            int first = Integer.MAX_VALUE;
            for (char c : characters.toCharArray()) {
                int at = text.indexOf(c);
                if (at >= 0) {
                    first = Math.min(first, at);
                }
            }
            return first;
        }
    }
}
