package org.aftercart.demo;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Every e-mail and text the demo caught, newest first, and one of them as the customer would see it. */
@Controller
@Profile("demo")
@ConditionalOnWebApplication
@RequestMapping("/console/mail-catcher")
class MailCatcherController {

    private final MailCatcher mail;
    private final SmsCatcher sms;

    MailCatcherController(MailCatcher mail, SmsCatcher sms) {
        this.mail = mail;
        this.sms = sms;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("caught", caught());
        model.addAttribute("kept", MailCatcher.KEPT);
        return "demo/mail-catcher";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        CaughtMessage message = caught().stream()
                .filter(caught -> caught.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing caught as " + id));
        model.addAttribute("message", message);
        return "demo/caught-message";
    }

    private List<CaughtMessage> caught() {
        return Stream.concat(mail.emails().stream(), sms.texts().stream())
                .sorted(Comparator.comparing(CaughtMessage::receivedAt).reversed())
                .toList();
    }
}
