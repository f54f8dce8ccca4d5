package org.aftercart.account;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the account tests share: a real SMTP server (GreenMail) that receives the application's
 * e-mails, declared once here so that every account test class runs in the same context.
 */
abstract class AccountTestBase {

    static final GreenMail SMTP;

    static {
        try (ServerSocket free = new ServerSocket(0)) {
            SMTP = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }
}
