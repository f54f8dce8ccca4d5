package org.aftercart.notifications;

import org.springframework.context.ApplicationContext;

/** For tests in other packages: one delivery round, as the dispatcher (off in tests) would run it. */
public final class NotificationsTestSupport {

    private NotificationsTestSupport() {}

    /** Delivers the messages due now; returns how many were taken. */
    public static int deliverDue(ApplicationContext context) throws InterruptedException {
        return context.getBean(Dispatcher.class).deliverDue();
    }

    /** One round of the dispatcher's express lane (sign-in links): returns how many were taken. */
    public static int deliverExpress(ApplicationContext context) throws InterruptedException {
        return context.getBean(Dispatcher.class).deliverDue(true);
    }

    /** Delivery rounds until nothing is due. */
    public static void deliverEverythingDue(ApplicationContext context) throws InterruptedException {
        MailDelivery.deliverEverythingDue(context.getBean(Dispatcher.class));
    }

    /** The signature of the message's open pixel, as the e-mail carries it. */
    public static String openSignature(ApplicationContext context, java.util.UUID message) {
        String pixel = context.getBean(EngagementLinks.class).openPixel(message).toString();
        return pixel.substring(pixel.indexOf("?s=") + 3);
    }
}
