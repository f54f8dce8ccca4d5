package org.aftercart.admin;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.aftercart.notifications.MessageNotRetryable;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    MessageAdminController(Notifications notifications, ConsoleText text) {
        this.notifications = notifications;
        this.text = text;
    }

    @GetMapping
    String problems(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        // One more than a page tells whether there is a next one.
        List<MessageView> found = notifications.problems(current, PAGE_SIZE + 1);
        model.addAttribute("messages", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        return "admin/messages";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("message", notifications.find(id).orElseThrow(() -> notFound(id)));
        return "admin/message";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            notifications.retry(id);
            Flash.success(redirect, text.get("message.retry.done"));
        } catch (MessageNotRetryable e) {
            Flash.error(redirect, text.get("message.retry.refused"));
        }
        return "redirect:/console/messages/" + id;
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No message " + id);
        problem.setType(URI.create("https://aftercart.org/problems/message-not-found"));
        problem.setTitle("Message not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
