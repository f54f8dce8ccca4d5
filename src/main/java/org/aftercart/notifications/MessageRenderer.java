package org.aftercart.notifications;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateInputException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a message from its templates: the merchant's edited ones when there are, the built-in
 * ones in {@code templates/notifications/<kind>/} otherwise ({@code subject.txt}, {@code
 * email.html}, {@code email.txt}, {@code sms.txt}), with the texts of the {@code notifications}
 * messages bundle in the customer's language. E-mail HTML gets the open pixel and its links go
 * through signed click redirects.
 */
@Component
class MessageRenderer {

    /** What the customer receives; {@code subject} and {@code html} are e-mail only. */
    record Rendered(@Nullable String subject, @Nullable String html, String text) {}

    private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

    /**
     * Evaluation contexts lent to one rendering at a time. Each keeps what SpEL learnt about the
     * model's types (which accessor reads which property); Thymeleaf would otherwise start every
     * rendering from a new one with empty caches, and finding accessors by reflection was the
     * largest part of rendering a message.
     */
    private final Deque<ThymeleafEvaluationContextWrapper> evaluationContexts = new ConcurrentLinkedDeque<>();

    /** The built-in templates (and the layout and parts the merchant's may use). */
    private final SpringTemplateEngine builtIn;

    /** The merchant's templates, given as text. */
    private final SpringTemplateEngine merchant;

    private final MessageTemplates edited;
    private final EngagementLinks links;
    private final JsonMapper json;

    MessageRenderer(MessageSource messages, MessageTemplates edited, EngagementLinks links, JsonMapper json) {
        this.edited = edited;
        this.links = links;
        this.json = json;
        builtIn = engine(messages, builtInTemplates());
        // A string resolver takes any name as the template itself, so it serves the merchant's
        // templates only: with the built-in engine, a missing file must be an error, not its name.
        StringTemplateResolver merchantTemplates = new StringTemplateResolver();
        merchantTemplates.setCacheable(false);
        merchantTemplates.setOrder(2);
        merchant = engine(messages, builtInTemplates(), merchantTemplates);
    }

    private static ClassLoaderTemplateResolver builtInTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notifications/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(java.util.Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(1);
        return resolver;
    }

    private static SpringTemplateEngine engine(MessageSource messages, ITemplateResolver... resolvers) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        for (ITemplateResolver resolver : resolvers) {
            engine.addTemplateResolver(resolver);
        }
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    /**
     * @param messageId for the open pixel and click redirects; {@code null} renders without them (a
     *     preview)
     * @throws MissingTemplate when neither the merchant nor Aftercart has a template for it
     */
    Rendered render(String channel, Locale locale, MessageModel model, @Nullable UUID messageId) {
        Optional<MessageTemplates.Edited> custom = edited.find(model.kind(), channel, locale);
        return render(channel, locale, model, messageId, custom.orElse(null));
    }

    /** Renders with the given edited template (a draft being previewed), or the built-in one when null. */
    Rendered render(
            String channel,
            Locale locale,
            MessageModel model,
            @Nullable UUID messageId,
            MessageTemplates.@Nullable Edited custom) {
        ThymeleafEvaluationContextWrapper expressions = evaluationContexts.poll();
        if (expressions == null) {
            expressions = new ThymeleafEvaluationContextWrapper(new StandardEvaluationContext());
        }
        try {
            return render(channel, locale, model, messageId, custom, expressions);
        } finally {
            evaluationContexts.push(expressions);
        }
    }

    private Rendered render(
            String channel,
            Locale locale,
            MessageModel model,
            @Nullable UUID messageId,
            MessageTemplates.@Nullable Edited custom,
            ThymeleafEvaluationContextWrapper expressions) {
        Context context = new Context(locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, expressions);
        context.setVariable("m", model);
        context.setVariable("fmt", new Formats(locale));
        context.setVariable("jsonLd", JsonLd.of(model, json));
        String kind = model.kind();
        if ("SMS".equals(channel)) {
            String text = custom != null
                    ? process(custom.body(), TemplateMode.TEXT, context)
                    : builtIn(kind, "sms.txt", context);
            return new Rendered(null, null, text.strip());
        }
        String subject = custom != null && custom.subject() != null
                ? process(custom.subject(), TemplateMode.TEXT, context)
                : builtIn(kind, "subject.txt", context);
        String html = custom != null && custom.html() != null
                ? process(custom.html(), TemplateMode.HTML, context)
                : builtIn(kind, "email.html", context);
        String text = custom != null
                ? process(custom.body(), TemplateMode.TEXT, context)
                : builtIn(kind, "email.txt", context);
        // A sign-in link carries a secret: it is neither wrapped in a click redirect (whose address
        // and log would hold the token) nor counted.
        if (messageId != null && !kind.equals(MessageKind.SIGN_IN_LINK.key())) {
            html = withEngagement(html, messageId);
        }
        return new Rendered(subject.strip().replaceAll("\\s+", " "), html, text.strip() + "\n");
    }

    private String builtIn(String kind, String file, Context context) {
        try {
            return builtIn.process(kind + "/" + file, context);
        } catch (TemplateInputException missing) {
            throw new MissingTemplate(kind + "/" + file);
        }
    }

    private String process(String template, TemplateMode mode, Context context) {
        return merchant.process(new TemplateSpec(template, mode), context);
    }

    private String withEngagement(String html, UUID messageId) {
        Matcher matcher = LINK.matcher(html);
        StringBuilder tracked = new StringBuilder();
        while (matcher.find()) {
            String target = org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
            String replacement = target.contains("/m/" + messageId + "/unsubscribe")
                    ? matcher.group()
                    : "href=\""
                            + org.springframework.web.util.HtmlUtils.htmlEscape(
                                    links.click(messageId, target).toString())
                            + "\"";
            matcher.appendReplacement(tracked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(tracked);
        String pixel = "<img src=\"" + links.openPixel(messageId)
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        int body = tracked.lastIndexOf("</body>");
        return body < 0 ? tracked + pixel : tracked.substring(0, body) + pixel + tracked.substring(body);
    }

    /** Neither the merchant nor Aftercart has this template. */
    static class MissingTemplate extends RuntimeException {
        MissingTemplate(String template) {
            super("There is no template " + template + ".");
        }
    }

    /** Dates and amounts in the customer's language, for templates: {@code ${fmt.money(...)}}. */
    public record Formats(Locale locale) {

        public String money(@Nullable Money money) {
            if (money == null) {
                return "";
            }
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(money.currency());
            return format.format(money.amount());
        }

        /** An amount the facts carry as text, without its sign: {@code amount("-12.50", "EUR")}. */
        public String amount(@Nullable Object amount, @Nullable Object currency) {
            if (amount == null || currency == null) {
                return "";
            }
            return money(Money.of(new java.math.BigDecimal(amount.toString()).abs(), currency.toString()));
        }

        /** -1, 0 or 1 for an amount the facts carry as text. */
        public int sign(@Nullable Object amount) {
            return amount == null ? 0 : new java.math.BigDecimal(amount.toString()).signum();
        }

        public String date(@Nullable LocalDate date) {
            return date == null
                    ? ""
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale)
                            .format(date);
        }

        public String dayAndDate(@Nullable LocalDate date) {
            return date == null
                    ? ""
                    : DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(date);
        }
    }
}
