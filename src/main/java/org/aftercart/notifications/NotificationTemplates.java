package org.aftercart.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * The message templates as the console edits them: one per built-in kind, channel and language,
 * either the merchant's edited one or Aftercart's built-in one. An edited template is saved only
 * when it renders a sample message.
 */
@Service
public class NotificationTemplates {

    public static final List<String> CHANNELS = List.of("EMAIL", "SMS");

    /** One template of the list; {@code updatedAt} and {@code updatedBy} only when edited. */
    public record Slot(
            String kind,
            String channel,
            String language,
            boolean edited,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    /**
     * A template's text; {@code subject} and {@code html} are e-mail only; {@code body} is the
     * e-mail's text part or the SMS.
     */
    public record Source(@Nullable String subject, @Nullable String html, String body) {}

    /** What the customer would receive; {@code subject} and {@code html} are e-mail only. */
    public record Preview(@Nullable String subject, @Nullable String html, String text) {

        public int smsLength() {
            return SmsLength.of(text).characters();
        }

        public int smsSegments() {
            return SmsLength.of(text).segments();
        }
    }

    private final MessageTemplates templates;
    private final MessageRenderer renderer;
    private final SampleMessage sample;
    private final Clock clock;

    NotificationTemplates(MessageTemplates templates, MessageRenderer renderer, SampleMessage sample, Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.sample = sample;
        this.clock = clock;
    }

    /** Every built-in kind × channel × language, in the order the console lists them. */
    public List<Slot> list() {
        List<MessageTemplates.Edited> edited = templates.all();
        List<Slot> slots = new ArrayList<>();
        for (MessageKind kind : MessageKind.BUILT_IN) {
            for (String channel : CHANNELS) {
                for (Locale language : Languages.SUPPORTED) {
                    Optional<MessageTemplates.Edited> mine = edited.stream()
                            .filter(t -> t.kind().equals(kind.key())
                                    && t.channel().equals(channel)
                                    && t.locale().equals(language.getLanguage()))
                            .findFirst();
                    slots.add(new Slot(
                            kind.key(),
                            channel,
                            language.getLanguage(),
                            mine.isPresent(),
                            mine.map(MessageTemplates.Edited::updatedAt).orElse(null),
                            mine.map(MessageTemplates.Edited::updatedBy).orElse(null)));
                }
            }
        }
        return slots;
    }

    /** Whether this language has its own edited template. */
    public boolean edited(String kind, String channel, String language) {
        check(kind, channel, language);
        return templates.all().stream()
                .anyMatch(t -> t.kind().equals(kind)
                        && t.channel().equals(channel)
                        && t.locale().equals(language));
    }

    /** The template messages use now: the edited one, else the built-in files. */
    public Source source(String kind, String channel, String language) {
        check(kind, channel, language);
        Optional<MessageTemplates.Edited> edited = templates.find(kind, channel, Locale.of(language));
        if (edited.isPresent()) {
            MessageTemplates.Edited template = edited.get();
            return new Source(template.subject(), template.html(), template.body());
        }
        if ("SMS".equals(channel)) {
            return new Source(null, null, builtIn(kind, "sms.txt"));
        }
        return new Source(builtIn(kind, "subject.txt"), builtIn(kind, "email.html"), builtIn(kind, "email.txt"));
    }

    /**
     * Renders a draft with the sample message, without open pixel or click redirects.
     *
     * @throws InvalidTemplate when it does not render
     */
    public Preview preview(String kind, String channel, String language, Source draft) {
        check(kind, channel, language);
        MessageTemplates.Edited template = edited(kind, channel, language, draft, "preview");
        try {
            MessageRenderer.Rendered rendered =
                    renderer.render(channel, Locale.of(language), sample.of(kind), null, template);
            return new Preview(rendered.subject(), rendered.html(), rendered.text());
        } catch (RuntimeException e) {
            throw new InvalidTemplate(explain(e, draft));
        }
    }

    /**
     * Saves the merchant's template; messages use it from then on (within the renderer's cache).
     *
     * @throws InvalidTemplate when a part is missing or it does not render; nothing is saved
     */
    public void save(String kind, String channel, String language, Source draft, String staff) {
        if ("EMAIL".equals(channel) && (blank(draft.subject()) || blank(draft.html()))) {
            throw new InvalidTemplate("An e-mail template needs a subject, an HTML part and a text part.");
        }
        if (blank(draft.body())) {
            throw new InvalidTemplate("The text cannot be empty.");
        }
        preview(kind, channel, language, draft);
        templates.save(edited(kind, channel, language, draft, staff));
    }

    /** Goes back to the built-in template for this language. */
    public void reset(String kind, String channel, String language) {
        check(kind, channel, language);
        templates.reset(kind, channel, language);
    }

    private MessageTemplates.Edited edited(String kind, String channel, String language, Source draft, String by) {
        boolean email = "EMAIL".equals(channel);
        return new MessageTemplates.Edited(
                kind,
                channel,
                language,
                email ? draft.subject() : null,
                email ? draft.html() : null,
                draft.body(),
                clock.instant(),
                by);
    }

    /** Which part failed, where, and why, without the template's whole text that Thymeleaf quotes. */
    private static String explain(RuntimeException e, Source draft) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (e instanceof TemplateProcessingException processing) {
            String template = processing.getTemplateName();
            String part = template == null
                    ? "The template"
                    : template.equals(draft.subject())
                            ? "The subject"
                            : template.equals(draft.html()) ? "The HTML part" : "The text";
            String where = processing.getLine() == null
                    ? ""
                    : " (line " + processing.getLine() + ", column " + processing.getCol() + ")";
            return part + where + " cannot be rendered: " + why;
        }
        return "The template cannot be rendered: " + why;
    }

    private static void check(String kind, String channel, String language) {
        if (MessageKind.builtIn(kind).isEmpty()
                || !CHANNELS.contains(channel)
                || Languages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw new TemplateNotFound(kind, channel, language);
        }
    }

    private static String builtIn(String kind, String file) {
        try (InputStream in = new ClassPathResource("templates/notifications/" + kind + "/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
