package org.aftercart.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;

/** The demo's mail catcher over real SMTP: it keeps the newest e-mails, each under a steady id. */
class MailCatcherTests {

    private static final int KEPT = 3;

    private MailCatcher catcher;
    private Session smtp;

    @BeforeEach
    void start() {
        int port = FreePort.find();
        MailProperties mail = new MailProperties();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        catcher = new MailCatcher(mail, KEPT);
        catcher.start();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        smtp = Session.getInstance(properties);
    }

    @AfterEach
    void stop() {
        catcher.stop();
    }

    @Test
    void keepsTheNewestEmailsOfEveryRecipientNewestFirst() throws MessagingException {
        for (int i = 1; i <= 5; i++) {
            send("customer-" + i + "@example.com", "Order " + i);
        }

        List<CaughtMessage> emails = catcher.emails();

        assertThat(emails).extracting(CaughtMessage::subject).containsExactly("Order 5", "Order 4", "Order 3");
        assertThat(emails).extracting(CaughtMessage::recipient).first().isEqualTo("customer-5@example.com");
    }

    @Test
    void anEmailKeepsItsIdWhileOlderOnesAreDropped() throws MessagingException {
        send("ada@example.com", "First");
        send("ada@example.com", "Second");
        String idOfSecond = catcher.emails().getFirst().id();

        send("bob@example.com", "Third");
        send("bob@example.com", "Fourth");

        assertThat(catcher.emails())
                .filteredOn(email -> email.id().equals(idOfSecond))
                .extracting(CaughtMessage::subject)
                .containsExactly("Second");
        assertThat(catcher.emails()).extracting(CaughtMessage::id).doesNotHaveDuplicates();
    }

    private void send(String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(new InternetAddress("shop@demo.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Thank you for your order.");
        Transport.send(message);
    }
}
