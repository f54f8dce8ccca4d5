package org.aftercart.conversations;

import java.util.Locale;

/** Channels and topics in the plain English of timeline summaries. */
final class ConversationWords {

    private ConversationWords() {}

    static String channel(ConversationChannel channel) {
        return switch (channel) {
            case EMAIL -> "e-mail";
            case CHAT -> "chat";
            case PHONE -> "phone";
            case SOCIAL -> "social media";
            case IN_STORE -> "in store";
        };
    }

    static String topic(ConversationTopic topic) {
        return switch (topic) {
            case WHERE_IS_MY_ORDER -> "where the order is";
            default -> topic.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
