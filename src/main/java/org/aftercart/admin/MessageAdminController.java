package org.aftercart.admin;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.MessageNotRetryable;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages that did not reach the customer, one message with every attempt, and sending it again. */
@Controller
@RequestMapping("/console/messages")
class MessageAdminController {

    static final int PAGE_SIZE = 25;

    private final Notifications notifications;
    private final ConsoleText text;
    private final ConsoleAccess access;

    MessageAdminController(Notifications notifications, ConsoleText text, ConsoleAccess access) {
        this.notifications = notifications;
        this.text = text;
        this.access = access;
    }

    @GetMapping
    String problems(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        // One more than a page tells whether there is a next one.
        List<MessageView> found = notifications.problems(current, PAGE_SIZE + 1);
        model.addAttribute("messages", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("mayRetry", access.mayPost("/console/messages/x/retry"));
        return "admin/messages";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("message", notifications.find(id).orElseThrow(() -> notFound(id)));
        return "admin/message";
    }

    /**
     * Sends a failed message (or webhook delivery) again. From the list ({@code from=list}): an htmx
     * request gets the message's row back, now pending, with the outcome for the page's live region,
     * a plain form post goes back to the list; from the message's own page, back to that page.
     */
    @PostMapping("/{id}/retry")
    String retry(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String from,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        boolean fromList = "list".equals(from);
        Flash outcome;
        try {
            notifications.retry(id);
            outcome = Flash.success(
                    fromList
                            ? notifications
                                    .find(id)
                                    .map(message -> text.get("messages.retried", kind(message), recipient(message)))
                                    .orElseGet(() -> text.get("message.retry.done"))
                            : text.get("message.retry.done"));
        } catch (MessageNotRetryable e) {
            outcome = Flash.error(text.get("message.retry.refused"));
        }
        if (fromList && "true".equals(htmx)) {
            var message = notifications.find(id);
            if (message.isPresent()) {
                model.addAttribute("m", message.get());
                model.addAttribute("mayRetry", true);
                return RowAnswer.of("admin/messages", outcome, model);
            }
        }
        redirect.addFlashAttribute(Flash.ATTRIBUTE, outcome);
        return fromList ? "redirect:/console/messages" : "redirect:/console/messages/" + id;
    }

    private String kind(MessageView message) {
        return text.getOrCode("message.kind." + message.kind(), message.kind());
    }

    private String recipient(MessageView message) {
        return message.recipient() == null ? text.get("message.recipient.none") : message.recipient();
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No message " + id);
        problem.setType(URI.create("https://aftercart.org/problems/message-not-found"));
        problem.setTitle("Message not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
