package org.aftercart.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversations module's public API: records contacts from every channel, what is said next,
 * who handles them and where they stand; counts "where is my order" contacts; keeps staff notes.
 * A request with an idempotency key is recorded once: repeated with the same content it answers
 * with what the first one recorded, with other content it is refused (ADR 4).
 */
@Service
public class Conversations {

    /** Longer is a document, not a message. */
    public static final int MAX_TEXT = 10_000;

    public static final int MAX_KEY = 255;

    private static final int MAX_NAME = 320;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** What a recording did: created now, or found from an earlier request with the same key. */
    public record Recorded(ConversationView conversation, @Nullable UUID entryId, boolean created) {}

    private final ConversationStore store;
    private final ConversationKeys keys;
    private final Notes notes;
    private final Customers customers;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Conversations(
            ConversationStore store,
            ConversationKeys keys,
            Notes notes,
            Customers customers,
            OrderManagement orders,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.notes = notes;
        this.customers = customers;
        this.orders = orders;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Opens a conversation with its first entry. The customer is found by id, e-mail address (a new
     * address registers a customer: people ask before they buy) or phone number, else through the
     * order. Publishes {@link ConversationOpened} and {@link ConversationEntryAdded}.
     *
     * @throws InvalidConversation for a blank or too long text, author or assignee
     * @throws ContactNotResolved for an unknown customer id, phone number or order
     * @throws ConversationKeyReused when the key was used for another request
     */
    public Recorded record(RecordContact contact, @Nullable String idempotencyKey) {
        validate(contact);
        String hash = hash(
                "contact",
                contact.customer().customerId(),
                contact.customer().email(),
                contact.customer().phone(),
                contact.orderId(),
                contact.channel(),
                contact.topic(),
                contact.direction(),
                contact.text(),
                contact.author(),
                contact.assignee());
        return idempotently(idempotencyKey, hash, () -> {
            Instant now = clock.instant();
            UUID orderId = contact.orderId();
            UUID customerId = resolveCustomer(contact.customer(), orderId);
            UUID id = UUID.randomUUID();
            UUID entryId = UUID.randomUUID();
            store.insert(id, customerId, orderId, contact, contactAddress(contact.customer()), now);
            NewEntry first = new NewEntry(
                    contact.direction(),
                    contact.text().strip(),
                    contact.author().strip());
            store.insertEntry(entryId, id, first, now);
            events.publishEvent(new ConversationOpened(
                    id, customerId, orderId, contact.channel(), contact.topic(), first.author(), now));
            events.publishEvent(new ConversationEntryAdded(
                    id,
                    entryId,
                    customerId,
                    orderId,
                    contact.channel(),
                    contact.topic(),
                    first.direction(),
                    first.author(),
                    now));
            return new Keyed(id, entryId);
        });
    }

    /**
     * Adds what was said next. The customer writing again opens a conversation that was waiting
     * for them or closed. Publishes {@link ConversationEntryAdded}.
     *
     * @throws ConversationNotFound for an unknown conversation
     * @throws InvalidConversation for a blank or too long text or author
     * @throws ConversationKeyReused when the key was used for another request
     */
    public Recorded addEntry(UUID conversationId, NewEntry entry, @Nullable String idempotencyKey) {
        requireText(entry.text(), "text");
        requireName(entry.author(), "author");
        String hash = hash("entry", conversationId, entry.direction(), entry.text(), entry.author());
        return idempotently(idempotencyKey, hash, () -> {
            ConversationView conversation =
                    store.lock(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId));
            Instant now = clock.instant();
            UUID entryId = UUID.randomUUID();
            NewEntry clean = new NewEntry(
                    entry.direction(), entry.text().strip(), entry.author().strip());
            store.insertEntry(entryId, conversationId, clean, now);
            ConversationStatus status =
                    entry.direction() == EntryDirection.INBOUND ? ConversationStatus.OPEN : conversation.status();
            store.update(conversationId, status, conversation.assignee(), now);
            events.publishEvent(new ConversationEntryAdded(
                    conversationId,
                    entryId,
                    conversation.customerId(),
                    conversation.orderId(),
                    conversation.channel(),
                    conversation.topic(),
                    clean.direction(),
                    clean.author(),
                    now));
            return new Keyed(conversationId, entryId);
        });
    }

    /** Gives the conversation to a staff member, or to nobody with {@code null}. */
    @Transactional
    public ConversationView assign(UUID conversationId, @Nullable String assignee) {
        String clean = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (clean != null) {
            requireName(clean, "assignee");
        }
        ConversationView conversation =
                store.lock(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId));
        store.update(conversationId, conversation.status(), clean, clock.instant());
        return store.find(conversationId).orElseThrow();
    }

    /**
     * Moves the conversation to {@code status}; closing publishes {@link ConversationClosed} once
     * (closing a closed one changes nothing).
     */
    @Transactional
    public ConversationView changeStatus(UUID conversationId, ConversationStatus status, String by) {
        requireName(by, "by");
        ConversationView conversation =
                store.lock(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId));
        if (conversation.status() == status) {
            return store.find(conversationId).orElseThrow();
        }
        Instant now = clock.instant();
        store.update(conversationId, status, conversation.assignee(), now);
        if (status == ConversationStatus.CLOSED) {
            events.publishEvent(new ConversationClosed(
                    conversationId,
                    conversation.customerId(),
                    conversation.orderId(),
                    conversation.topic(),
                    by.strip(),
                    now));
        }
        return store.find(conversationId).orElseThrow();
    }

    /** One conversation with its entries, oldest first. */
    public Optional<ConversationView> find(UUID conversationId) {
        return store.find(conversationId);
    }

    /** A page of conversations, open ones first, then the most recently active. */
    public ConversationPage list(ConversationFilter filter, int page, int size) {
        int current = Math.max(page, 0);
        int pageSize = Math.clamp(size, 1, 200);
        List<ConversationView> found = store.list(filter, current, pageSize);
        return new ConversationPage(found.stream().limit(pageSize).toList(), current, found.size() > pageSize);
    }

    /** Who handles conversations not closed yet, by name (at most 100), for filtering lists. */
    public List<String> activeAssignees() {
        return store.assignees(100);
    }

    /** The customer's conversations, newest first (at most 100). */
    public List<ConversationView> ofCustomer(CustomerId customer) {
        return store.ofCustomer(customer.id(), 100);
    }

    /**
     * How many times the customer got in touch to ask where this order is: the inbound entries of
     * its "where is my order" conversations.
     */
    public long whereIsMyOrderContacts(OrderId order) {
        return store.whereIsMyOrderContacts(order.id());
    }

    /** "Where is my order" contacts (inbound entries) from {@code from} inclusive to {@code to} exclusive. */
    public long whereIsMyOrderContacts(Instant from, Instant to) {
        return store.whereIsMyOrderContacts(from, to);
    }

    /**
     * Leaves an internal note on the customer (optionally about one of their orders). Publishes
     * {@link NoteAdded}.
     *
     * @throws InvalidConversation for a blank or too long text or author
     * @throws ContactNotResolved for an unknown customer
     */
    @Transactional
    public CustomerNote addNote(CustomerId customer, @Nullable OrderId order, String text, String author) {
        requireText(text, "note");
        requireName(author, "author");
        if (customers.find(customer).isEmpty()) {
            throw new ContactNotResolved("No customer has the id " + customer + ".");
        }
        CustomerNote note = notes.add(
                customer.id(), order == null ? null : order.id(), text.strip(), author.strip(), clock.instant());
        events.publishEvent(
                new NoteAdded(note.id(), note.customerId(), note.orderId(), note.author(), note.createdAt()));
        return note;
    }

    /** The customer's notes, newest first. */
    public List<CustomerNote> notesOf(CustomerId customer, int limit) {
        return notes.ofCustomer(customer.id(), Math.clamp(limit, 1, 200));
    }

    private record Keyed(UUID conversationId, UUID entryId) {}

    private Recorded idempotently(@Nullable String key, String hash, java.util.function.Supplier<Keyed> work) {
        if (key == null) {
            Keyed done = transactions.execute(status -> work.get());
            return new Recorded(store.find(done.conversationId()).orElseThrow(), done.entryId(), true);
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new InvalidConversation("An Idempotency-Key has 1 to " + MAX_KEY + " characters.");
        }
        Recorded replay = replayOf(key, hash);
        if (replay != null) {
            return replay;
        }
        try {
            Keyed done = transactions.execute(status -> {
                Keyed keyed = work.get();
                keys.remember(key, hash, keyed.conversationId(), keyed.entryId());
                return keyed;
            });
            return new Recorded(store.find(done.conversationId()).orElseThrow(), done.entryId(), true);
        } catch (DuplicateKeyException lostTheRace) {
            Recorded winner = replayOf(key, hash);
            if (winner == null) {
                throw lostTheRace;
            }
            return winner;
        }
    }

    private @Nullable Recorded replayOf(String key, String hash) {
        return keys.find(key)
                .map(use -> {
                    if (!use.requestHash().equals(hash)) {
                        throw new ConversationKeyReused(key);
                    }
                    return new Recorded(store.find(use.conversationId()).orElseThrow(), use.entryId(), false);
                })
                .orElse(null);
    }

    private UUID resolveCustomer(CustomerReference reference, @Nullable UUID orderId) {
        UUID orderCustomer = null;
        if (orderId != null) {
            OrderView order = orders.find(new OrderId(orderId))
                    .orElseThrow(() -> new ContactNotResolved("No order has the id " + orderId + "."));
            orderCustomer = order.customerId() == null ? null : UUID.fromString(order.customerId());
        }
        UUID customer;
        if (reference.customerId() != null) {
            CustomerId id = new CustomerId(reference.customerId());
            if (customers.find(id).isEmpty()) {
                throw new ContactNotResolved("No customer has the id " + id + ".");
            }
            customer = id.id();
        } else if (!CustomerReference.isBlank(reference.email())) {
            customer = customers
                    .findByEmail(reference.email())
                    .orElseGet(() -> customers.findOrRegister(
                            ContactDetails.email(reference.email().strip(), null)))
                    .id();
        } else if (!CustomerReference.isBlank(reference.phone())) {
            customer = customers
                    .findByPhone(reference.phone())
                    .orElseThrow(() -> new ContactNotResolved("No customer has the phone number "
                            + reference.phone().strip() + "; give their e-mail address or the order."))
                    .id();
        } else if (orderCustomer != null) {
            customer = orderCustomer;
        } else {
            throw new ContactNotResolved("The order " + orderId + " has no customer; say who got in touch.");
        }
        if (orderCustomer != null && !orderCustomer.equals(customer)) {
            throw new InvalidConversation("The order " + orderId + " belongs to another customer.");
        }
        return customer;
    }

    private static @Nullable String contactAddress(CustomerReference reference) {
        if (!CustomerReference.isBlank(reference.email())) {
            return reference.email().strip();
        }
        if (!CustomerReference.isBlank(reference.phone())) {
            return reference.phone().strip();
        }
        return null;
    }

    private static void validate(RecordContact contact) {
        requireText(contact.text(), "text");
        requireName(contact.author(), "author");
        if (contact.assignee() != null && !contact.assignee().isBlank()) {
            requireName(contact.assignee(), "assignee");
        }
        CustomerReference customer = contact.customer();
        if (customer.isEmpty() && contact.orderId() == null) {
            throw new InvalidConversation("Say who got in touch: a customer id, an e-mail address, a phone number"
                    + " or the order it is about.");
        }
        if (!CustomerReference.isBlank(customer.email())
                && !EMAIL.matcher(customer.email().strip()).matches()) {
            throw new InvalidConversation("'" + customer.email() + "' is not an e-mail address.");
        }
        if (!CustomerReference.isBlank(customer.phone())
                && customer.phone().strip().length() > 32) {
            throw new InvalidConversation("A phone number has at most 32 characters.");
        }
    }

    private static void requireText(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidConversation("The " + field + " is empty.");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidConversation("The " + field + " has more than " + MAX_TEXT + " characters.");
        }
    }

    private static void requireName(@Nullable String name, String field) {
        if (name == null || name.isBlank()) {
            throw new InvalidConversation("The " + field + " is empty.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidConversation("The " + field + " has more than " + MAX_NAME + " characters.");
        }
    }

    private static String hash(@Nullable Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                String text = part == null ? "\u0000" : part.toString();
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
