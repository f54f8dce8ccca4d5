package org.aftercart.demo;

import java.util.UUID;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationStatus;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.NewEntry;
import org.aftercart.conversations.RecordContact;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customers getting in touch about the demo's orders, by e-mail, chat, phone and at the store
 * counter, at each status an agent meets: new and unassigned, taken by an agent and waiting on the
 * customer, answered and closed. Most ask where their order is, as real customers do, so that the
 * conversations view, the "where is my order" count of each order and the dashboard have figures.
 */
@Component
class DemoConversations {

    static final String AGENT = "agent@aftercart.demo";
    static final String STORE = "store@aftercart.demo";

    private static final Logger log = LoggerFactory.getLogger(DemoConversations.class);

    private final Conversations conversations;

    DemoConversations(Conversations conversations) {
        this.conversations = conversations;
    }

    /**
     * @param outForDelivery a parcel the carrier is bringing today
     * @param late an order split over two parcels, one of them running late
     * @param onHold an order still in its hold window
     * @param overdue an order past its ship-by time, still in the warehouse
     * @param returnedInStore an order returned at the store counter
     */
    void create(
            OrderView outForDelivery, OrderView late, OrderView onHold, OrderView overdue, OrderView returnedInStore) {
        // New, nobody on it yet: what an agent picks up first.
        contact(
                "demo-conversation-1",
                outForDelivery,
                ConversationChannel.EMAIL,
                ConversationTopic.WHERE_IS_MY_ORDER,
                "Hello, my order " + outForDelivery.number() + " shipped yesterday. Will it come today? I am out"
                        + " after 3pm and would rather it went to a neighbour.",
                null);
        contact(
                "demo-conversation-2",
                overdue,
                ConversationChannel.EMAIL,
                ConversationTopic.WHERE_IS_MY_ORDER,
                "I ordered three days ago and still have no tracking number for " + overdue.number()
                        + ". Has it been sent?",
                null);

        // Taken by an agent, answered, now waiting for the customer.
        UUID chat = contact(
                "demo-conversation-3",
                late,
                ConversationChannel.CHAT,
                ConversationTopic.WHERE_IS_MY_ORDER,
                "Only part of " + late.number() + " has arrived. Where is the rest?",
                AGENT);
        conversations.addEntry(
                chat,
                new NewEntry(
                        EntryDirection.OUTBOUND,
                        "Sorry about that: your order left in two parcels, one from our Manchester store. The"
                                + " second is with DPD and running a day late. Shall I send you its tracking link?",
                        AGENT),
                "demo-conversation-3-reply");
        conversations.changeStatus(chat, ConversationStatus.WAITING_ON_CUSTOMER, AGENT);

        // The same order again by phone, the day's second "where is my order" for it: answered and closed.
        UUID call = contact(
                "demo-conversation-4",
                late,
                ConversationChannel.PHONE,
                ConversationTopic.WHERE_IS_MY_ORDER,
                "Phoning about the second parcel of " + late.number() + ": is it really coming?",
                AGENT);
        conversations.addEntry(
                call,
                new NewEntry(
                        EntryDirection.OUTBOUND,
                        "Read out the DPD tracking: due tomorrow before noon. Customer happy to wait.",
                        AGENT),
                "demo-conversation-4-reply");
        conversations.changeStatus(call, ConversationStatus.CLOSED, AGENT);

        // A change asked for by phone while the order could still change: taken, still open.
        contact(
                "demo-conversation-5",
                onHold,
                ConversationChannel.PHONE,
                ConversationTopic.CHANGE,
                "Could " + onHold.number() + " go to my office instead of home? It has not left yet, I hope.",
                AGENT);

        // At the store counter: the associate recorded it and closed it there and then.
        UUID counter = contact(
                "demo-conversation-6",
                returnedInStore,
                ConversationChannel.IN_STORE,
                ConversationTopic.RETURN,
                "I am bringing back the item from " + returnedInStore.number() + ", it is too large. Can I"
                        + " spend the store credit online?",
                STORE);
        conversations.addEntry(
                counter,
                new NewEntry(
                        EntryDirection.OUTBOUND,
                        "Yes: the credit is on her account and checkout offers it. Receipt handed over.",
                        STORE),
                "demo-conversation-6-reply");
        conversations.changeStatus(counter, ConversationStatus.CLOSED, STORE);
        log.info("Demo conversations: 6, of which 4 ask where an order is");
    }

    private UUID contact(
            String key,
            OrderView order,
            ConversationChannel channel,
            ConversationTopic topic,
            String text,
            @Nullable String takenBy) {
        return conversations
                .record(
                        new RecordContact(
                                CustomerReference.id(UUID.fromString(order.customerId())),
                                order.id().id(),
                                channel,
                                topic,
                                EntryDirection.INBOUND,
                                text,
                                // as the console records a contact: what the customer said is theirs
                                "customer",
                                takenBy),
                        key)
                .conversation()
                .id();
    }
}
