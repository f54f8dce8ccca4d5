package org.aftercart.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.aftercart.platform.Languages;
import org.aftercart.support.ArticleDraft;
import org.aftercart.support.ArticleNotFound;
import org.aftercart.support.HelpArticle;
import org.aftercart.support.HelpArticles;
import org.aftercart.support.HelpTopic;
import org.aftercart.support.InvalidArticle;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Help-centre articles for staff: a list by language and topic, and an editor with a Markdown text
 * area whose Preview button renders the draft as customers will see it. What is wrong is shown next
 * to the field, and nothing is saved until all of it is right.
 */
@Controller
@RequestMapping("/console/help")
class HelpAdminController {

    /** The form's fields, as the form sends them. */
    record Form(
            @Nullable String slug,
            @Nullable String language,
            @Nullable String topic,
            @Nullable String title,
            @Nullable String body,
            @Nullable String situation,
            @Nullable Boolean published) {

        static Form of(HelpArticle article) {
            return new Form(
                    article.slug(),
                    article.language(),
                    article.topic().key(),
                    article.title(),
                    article.body(),
                    article.situation(),
                    article.published());
        }

        /** Whether the Published box is ticked; a box left unticked is not sent at all. */
        public boolean publishedTicked() {
            return Boolean.TRUE.equals(published);
        }

        ArticleDraft draft() {
            return new ArticleDraft(
                    orEmpty(slug),
                    orEmpty(language),
                    orEmpty(topic),
                    orEmpty(title),
                    orEmpty(body),
                    situation,
                    publishedTicked());
        }

        /** A field the browser did not send at all. */
        private static String orEmpty(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    private final HelpArticles articles;
    private final ConsoleText text;

    HelpAdminController(HelpArticles articles, ConsoleText text) {
        this.articles = articles;
        this.text = text;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String topic,
            Model model) {
        String chosenLanguage = Languages.SUPPORTED.stream()
                .map(java.util.Locale::getLanguage)
                .filter(code -> code.equals(language))
                .findFirst()
                .orElse(null);
        HelpTopic chosenTopic = topic == null ? null : HelpTopic.of(topic).orElse(null);
        model.addAttribute("articles", articles.list(chosenLanguage, chosenTopic));
        model.addAttribute("language", chosenLanguage);
        model.addAttribute("topic", chosenTopic == null ? null : chosenTopic.key());
        common(model);
        return "admin/help-articles";
    }

    @GetMapping("/new")
    String newArticle(@RequestParam(defaultValue = "en") String language, Model model) {
        return editor(null, new Form("", language, HelpTopic.SHIPPING.key(), "", "", null, false), model);
    }

    @PostMapping
    String create(
            Form form,
            @RequestParam(required = false) @Nullable String preview,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (preview != null) {
            model.addAttribute("preview", articles.preview(form.draft().body()));
            return editor(null, form, model);
        }
        try {
            HelpArticle created = articles.create(form.draft());
            Flash.success(redirect, text.get("help.admin.saved"));
            return "redirect:/console/help/" + created.id();
        } catch (InvalidArticle e) {
            return refused(null, form, e, response, model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        HelpArticle article = articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
        model.addAttribute("article", article);
        return editor(id, Form.of(article), model);
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable UUID id,
            Form form,
            @RequestParam(required = false) @Nullable String preview,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        HelpArticle article = articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
        model.addAttribute("article", article);
        if (preview != null) {
            model.addAttribute("preview", articles.preview(form.draft().body()));
            return editor(id, form, model);
        }
        try {
            articles.update(id, form.draft());
        } catch (InvalidArticle e) {
            return refused(id, form, e, response, model);
        }
        Flash.success(redirect, text.get("help.admin.saved"));
        return "redirect:/console/help/" + id;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        articles.publish(id, true);
        Flash.success(redirect, text.get("help.admin.published.done"));
        return "redirect:/console/help/" + id;
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@PathVariable UUID id, RedirectAttributes redirect) {
        articles.publish(id, false);
        Flash.success(redirect, text.get("help.admin.unpublished.done"));
        return "redirect:/console/help/" + id;
    }

    /** The draft stays in the form, each problem next to its field; nothing was saved. */
    private String refused(@Nullable UUID id, Form form, InvalidArticle e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach((field, problem) -> errors.put(field, "help.admin.error." + field + "." + problem));
        model.addAttribute("errors", errors);
        model.addAttribute("flash", new Flash(Flash.Kind.ERROR, text.get("help.admin.invalid")));
        return editor(id, form, model);
    }

    private String editor(@Nullable UUID id, Form form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        common(model);
        return "admin/help-article";
    }

    private static void common(Model model) {
        model.addAttribute("topics", HelpTopic.values());
        model.addAttribute(
                "articleLanguages",
                Languages.SUPPORTED.stream().map(java.util.Locale::getLanguage).toList());
    }
}
