package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.Branding;
import org.aftercart.platform.Languages;
import org.aftercart.shared.Money;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the rendering of messages around what customers, shops and carriers
 * wrote (docs/fuzzing.md): the customer's name and address, product titles and SKUs, the carrier's
 * name, service and tracking number, a change's description, a reason, a return number. Every built-in
 * message kind, in every language, through the real templates and messages bundles; no Spring
 * context.
 *
 * <p>The contract: such text is shown, never run. Not one {@code <} of it reaches the HTML part
 * unescaped (counted against a rendering of the same text with {@code <} replaced), and an
 * expression written in it is not evaluated.
 */
class MessageRenderingFuzzTests {

    private static final MessageRenderer RENDERER = renderer();

    /** What every expression below evaluates to. */
    private static final String EVALUATED = "1337";

    /** Thymeleaf and SpEL expressions whose value, {@link #EVALUATED}, must never appear. */
    private static final List<String> EXPRESSIONS = List.of(
            "${7*191}",
            "[[${7*191}]]",
            "[(${7*191})]",
            "__${7*191}__",
            "*{7*191}",
            "#{7*191}",
            "|${7*191}|",
            "[[7*191]]");

    @MethodSource("hostileTexts")
    @FuzzTest(maxDuration = "20s")
    void customerSuppliedFields(byte[] input) {
        if (input.length == 0) {
            return;
        }
        MessageKind kind = MessageKind.BUILT_IN.get(Byte.toUnsignedInt(input[0]) % MessageKind.BUILT_IN.size());
        Locale language = Languages.SUPPORTED.get(input[0] & 1);
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        List<String> fields = Arrays.asList(text.split("\u0000", -1));

        MessageRenderer.Rendered rendered = render(kind, language, fields);
        MessageRenderer.Rendered withoutBrackets = render(
                kind,
                language,
                fields.stream().map(field -> field.replace('<', '_')).toList());

        assertThat(count(rendered.html(), '<'))
                .as("'<' in the HTML of %s, against the same fields without '<'", kind.key())
                .isEqualTo(count(withoutBrackets.html(), '<'));
        // The input may carry 1337 itself, whole or in pieces that the template puts side by side: the
        // same fields with every expression broken ('{' and '[' replaced) are the baseline to compare with.
        MessageRenderer.Rendered inert = render(
                kind,
                language,
                fields.stream()
                        .map(field -> field.replace('{', '_').replace('[', '_'))
                        .toList());
        assertThat(occurrences(all(rendered), EVALUATED))
                .as("'%s' in %s: an expression in a customer's field was evaluated", EVALUATED, kind.key())
                .isEqualTo(occurrences(all(inert), EVALUATED));
    }

    private static String all(MessageRenderer.Rendered rendered) {
        return rendered.subject() + "\n" + rendered.html() + "\n" + rendered.text();
    }

    private static int occurrences(String text, String wanted) {
        int count = 0;
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length())) {
            count++;
        }
        return count;
    }

    private static MessageRenderer.Rendered render(MessageKind kind, Locale language, List<String> fields) {
        return RENDERER.render("EMAIL", language, model(kind, fields), null, null);
    }

    /** A shipped order of two lines in one parcel, every free text taken from the fields in turn. */
    private static MessageModel model(MessageKind kind, List<String> fields) {
        var next = new Object() {
            int index;

            String text() {
                return fields.get(index++ % fields.size());
            }
        };
        String customer = next.text();
        ShippingAddress address =
                new ShippingAddress(customer, next.text(), next.text(), next.text(), next.text(), next.text(), "GB");
        OrderView.Line first = new OrderView.Line(
                UUID.randomUUID(), 1, next.text(), next.text(), Money.of("25.00", "GBP"), LineQuantities.ordered(2));
        OrderView.Line second = new OrderView.Line(
                UUID.randomUUID(), 2, next.text(), next.text(), Money.of("6.00", "GBP"), LineQuantities.ordered(1));
        Instant placed = Instant.parse("2026-11-20T10:00:00Z");
        OrderView order = new OrderView(
                new OrderId(UUID.randomUUID()),
                next.text(),
                SalesChannel.WEB,
                null,
                OrderStatus.SHIPPED,
                PaymentStatus.PAID,
                UUID.randomUUID().toString(),
                next.text(),
                customer,
                address,
                placed,
                placed,
                false,
                Money.of("56.00", "GBP"),
                Money.of("4.95", "GBP"),
                Money.of("0.00", "GBP"),
                Money.of("0.00", "GBP"),
                Money.of("60.95", "GBP"),
                List.of(first, second),
                3);
        LocalDate today = LocalDate.of(2026, 11, 21);
        MessageModel.Promise promise = new MessageModel.Promise(today, today.plusDays(2));
        MessageModel.Parcel parcel = new MessageModel.Parcel(
                next.text(),
                next.text(),
                next.text(),
                "IN_TRANSIT",
                promise,
                List.of(new MessageModel.Item(first.title(), first.sku(), 2)));
        Map<String, Object> facts = Map.ofEntries(
                Map.entry("description", next.text()),
                Map.entry("change", "QUANTITY_CHANGED"),
                Map.entry("priceDifference", "6.00"),
                Map.entry("refund", "60.95"),
                Map.entry("amount", "25.00"),
                Map.entry("currency", "GBP"),
                Map.entry("status", "DELAYED"),
                Map.entry("reason", next.text()),
                Map.entry("returnNumber", next.text()),
                Map.entry("method", "MAIL"),
                Map.entry("returnless", "false"),
                Map.entry("refunded", "25.00"),
                Map.entry("storeCredit", "6.00"),
                Map.entry("bonus", "0.60"),
                Map.entry("totalCredit", "6.60"),
                Map.entry("balance", "31.60"),
                Map.entry("code", next.text()),
                Map.entry("link", "https://shop.example.com/account/sign-in/confirm?token=sample"),
                Map.entry("minutes", 15));
        return new MessageModel(
                kind.key(),
                SHOP,
                customer,
                order,
                List.of(parcel),
                promise,
                "https://shop.example.com/track/sample",
                facts,
                null,
                "https://shop.example.com/help/for/late?order=AC-100042");
    }

    private static final Branding SHOP =
            new Branding("Aftercart Demo Shop", null, "#0f766e", "#134e4a", "#f7f5f0", "Georgia, serif", Map.of());

    private static long count(String text, char wanted) {
        return text.chars().filter(c -> c == wanted).count();
    }

    /** The renderer as the application builds it, without a database: only built-in templates are used. */
    private static MessageRenderer renderer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "notifications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MessageRenderer(messages, null, null, JsonMapper.builder().build());
    }

    /** Mark-up, script and expression injections, as a name, an address, a title, a reason... */
    static Stream<byte[]> hostileTexts() {
        List<String> attacks = List.of(
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "<!--<script>",
                "</script><script>alert(1)</script>",
                "Jo <b>Sample</b>\u00001 High Street & Co\u0000York\u0000<YO1 7HH>",
                "]]></style><svg onload=alert(1)>",
                "javascript:alert(1)",
                "' onmouseover='alert(1)");
        List<String> texts =
                Stream.concat(attacks.stream(), EXPRESSIONS.stream()).toList();
        // Each text with another kind and language; the fuzzer tries the others from there.
        return IntStream.range(0, texts.size()).mapToObj(i -> {
            byte[] body = texts.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[body.length + 1];
            input[0] = (byte) i;
            System.arraycopy(body, 0, input, 1, body.length);
            return input;
        });
    }
}
