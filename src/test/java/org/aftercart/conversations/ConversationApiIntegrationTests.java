package org.aftercart.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.platform.ApiKeys;
import org.aftercart.shared.CustomerTimelineEvent;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The conversations API through the real server: recording a contact and adding to it once per
 * Idempotency-Key, the list with open ones first, refusals as problems that write nothing, the
 * "where is my order" counts, and the events the customer's timeline reads.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class ConversationApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    ApiClient api;
    String tag;
    String email;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "conversation tests", "ak_conversation_tests");
        tag = UUID.randomUUID().toString().substring(0, 8);
        email = "talker-" + tag + "@example.org";
    }

    @Test
    void aContactIsRecordedOncePerIdempotencyKeyAndAnsweredInTheSameConversation() {
        OrderView order = order();
        String body =
                """
                {"email":"%s","orderId":"%s","channel":"EMAIL","topic":"WHERE_IS_MY_ORDER",
                 "text":"Where is my parcel? It is a week late."}
                """
                        .formatted(email, order.id().id());
        String key = "ticket-" + tag;

        var first = api.post("/api/v1/conversations", body, Map.of("Idempotency-Key", key));
        var again = api.post("/api/v1/conversations", body, Map.of("Idempotency-Key", key));
        var other =
                api.post("/api/v1/conversations", body.replace("a week", "two weeks"), Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode conversation = first.json();
        String id = conversation.get("id").asString();
        assertThat(conversation.get("customerId").asString()).isEqualTo(order.customerId());
        assertThat(conversation.get("status").asString()).isEqualTo("OPEN");
        assertThat(conversation.get("contact").asString()).isEqualTo(email);
        assertThat(conversation.get("entries")).hasSize(1);
        assertThat(conversation.get("entries").get(0).get("author").asString()).isEqualTo("customer");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(count("conversations.conversations where customer_id = '" + order.customerId() + "'"))
                .isEqualTo(1);

        String reply =
                """
                {"direction":"OUTBOUND","text":"It left our warehouse yesterday.","author":"agent@shop.example"}
                """;
        var answered =
                api.post("/api/v1/conversations/" + id + "/entries", reply, Map.of("Idempotency-Key", key + "-reply"));
        var answeredAgain =
                api.post("/api/v1/conversations/" + id + "/entries", reply, Map.of("Idempotency-Key", key + "-reply"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answeredAgain.status()).isEqualTo(200);
        assertThat(answeredAgain.json().get("entries")).hasSize(2);
        assertThat(api.get("/api/v1/conversations/" + id)
                        .json()
                        .get("entries")
                        .get(1)
                        .get("body")
                        .asString())
                .isEqualTo("It left our warehouse yesterday.");
    }

    @Test
    void theListShowsOpenConversationsFirstAndFiltersByStatus() {
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Lou " + tag));
        UUID closed = record(customer, ConversationTopic.OTHER, ConversationChannel.CHAT);
        conversations.changeStatus(closed, ConversationStatus.CLOSED, "agent@shop.example");
        UUID open = record(customer, ConversationTopic.CHANGE, ConversationChannel.CHAT);

        JsonNode openOnes =
                api.get("/api/v1/conversations?status=OPEN&size=100").json();
        List<String> openIds = ids(openOnes);
        assertThat(openIds).contains(open.toString()).doesNotContain(closed.toString());
        openOnes.get("items")
                .forEach(item -> assertThat(item.get("status").asString()).isEqualTo("OPEN"));

        ConversationPage everything = conversations.list(ConversationFilter.all(), 0, 200);
        List<ConversationStatus> statuses =
                everything.items().stream().map(ConversationView::status).toList();
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparing(Enum::ordinal));

        assertThat(api.get("/api/v1/conversations?status=CLOSED&size=100")
                        .json()
                        .get("items")
                        .toString())
                .contains(closed.toString())
                .doesNotContain(open.toString());
    }

    @Test
    void theCustomerWritingAgainReopensAConversationWaitingForThem() {
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, null));
        UUID id = record(customer, ConversationTopic.RETURN, ConversationChannel.EMAIL);
        conversations.changeStatus(id, ConversationStatus.WAITING_ON_CUSTOMER, "agent@shop.example");

        conversations.addEntry(id, new NewEntry(EntryDirection.OUTBOUND, "Any news?", "agent@shop.example"), null);
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.WAITING_ON_CUSTOMER);

        conversations.addEntry(id, new NewEntry(EntryDirection.INBOUND, "Here is the photo.", "customer"), null);
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            malformed JSON      | {"email":"x@example.org","channel":"EMAIL"                                            | 400 | not valid JSON
            unknown channel     | {"email":"x@example.org","channel":"FAX","topic":"OTHER","text":"hi"}              | 400 | not valid JSON
            no text             | {"email":"x@example.org","channel":"EMAIL","topic":"OTHER","text":" "}             | 400 | invalid fields
            no topic            | {"email":"x@example.org","channel":"EMAIL","text":"hi"}                            | 400 | invalid fields
            bad e-mail          | {"email":"not-an-address","channel":"EMAIL","topic":"OTHER","text":"hi"}           | 400 | invalid fields
            nobody              | {"channel":"EMAIL","topic":"OTHER","text":"hi"}                                    | 400 | Say who got in touch
            unknown customer    | {"customerId":"00000000-0000-0000-0000-00000000c0de","channel":"EMAIL","topic":"OTHER","text":"hi"} | 404 | No customer has the id
            unknown phone       | {"phone":"+00 000 %s","channel":"PHONE","topic":"OTHER","text":"hi"}              | 404 | No customer has the phone number
            unknown order       | {"orderId":"00000000-0000-0000-0000-00000000beef","channel":"EMAIL","topic":"OTHER","text":"hi"} | 404 | No order has the id
            """)
    void badContactsAreRefusedWithAProblemAndWriteNothing(String name, String body, int status, String detail) {
        long before = count("conversations.conversations");

        var response = api.post("/api/v1/conversations", body.replace("%s", tag));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(detail);
        assertThat(count("conversations.conversations")).isEqualTo(before);
    }

    @Test
    void entriesOfAnUnknownConversationOrWithoutTextAreRefused() {
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, null));
        UUID id = record(customer, ConversationTopic.OTHER, ConversationChannel.SOCIAL);

        var unknown = api.post("/api/v1/conversations/" + UUID.randomUUID() + "/entries", "{\"text\":\"hi\"}");
        var empty = api.post("/api/v1/conversations/" + id + "/entries", "{\"text\":\"\"}");
        var badStatus = api.get("/api/v1/conversations?status=SLEEPING");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
        assertThat(conversations.find(id).orElseThrow().entries()).hasSize(1);
    }

    @Test
    void aPhoneNumberFindsTheCustomerWrittenAnyWay() {
        String digits =
                String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
        CustomerId customer = customers.findOrRegister(new ContactDetails(
                email, "Pat " + tag, "+44 " + digits.substring(0, 4) + " " + digits.substring(4), null, null, null));

        var response = api.post(
                "/api/v1/conversations",
                """
                {"phone":"%s","channel":"PHONE","topic":"DAMAGED","text":"The vase arrived broken."}
                """
                        .formatted("+44-" + digits));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("customerId").asString()).isEqualTo(customer.toString());
    }

    @Test
    void whereIsMyOrderContactsAreCountedPerOrderAndPerPeriod() {
        OrderView order = order();
        OrderView otherOrder = order();
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        long periodBefore =
                conversations.whereIsMyOrderContacts(from, Instant.now().plus(1, ChronoUnit.HOURS));

        UUID first = conversations
                .record(contact(order, ConversationTopic.WHERE_IS_MY_ORDER), null)
                .conversation()
                .id();
        conversations.addEntry(first, new NewEntry(EntryDirection.OUTBOUND, "On its way.", "agent@x.example"), null);
        conversations.addEntry(first, new NewEntry(EntryDirection.INBOUND, "Still nothing.", "customer"), null);
        conversations.record(contact(order, ConversationTopic.WHERE_IS_MY_ORDER), null);
        conversations.record(contact(order, ConversationTopic.RETURN), null);
        conversations.record(contact(otherOrder, ConversationTopic.WHERE_IS_MY_ORDER), null);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);

        // Three times the customer asked about the first order: twice in one conversation, once in another.
        assertThat(conversations.whereIsMyOrderContacts(order.id())).isEqualTo(3);
        assertThat(conversations.whereIsMyOrderContacts(otherOrder.id())).isEqualTo(1);
        assertThat(conversations.whereIsMyOrderContacts(from, to) - periodBefore)
                .isEqualTo(4);
        assertThat(conversations.whereIsMyOrderContacts(to, to.plus(1, ChronoUnit.DAYS)))
                .isZero();
    }

    @Test
    void itsEventsReachTheCustomerTimelineWithTheCustomerAndTheOrder() {
        OrderView order = order();
        UUID customer = UUID.fromString(order.customerId());
        UUID id = conversations
                .record(contact(order, ConversationTopic.WHERE_IS_MY_ORDER), null)
                .conversation()
                .id();
        conversations.addEntry(id, new NewEntry(EntryDirection.OUTBOUND, "Tomorrow.", "agent@x.example"), null);
        conversations.changeStatus(id, ConversationStatus.CLOSED, "agent@x.example");
        conversations.changeStatus(id, ConversationStatus.CLOSED, "agent@x.example");
        CustomerNote note = conversations.addNote(new CustomerId(customer), order.id(), "Prefers calls", "a@x.example");

        List<CustomerTimelineEvent> timeline = events.stream(CustomerTimelineEvent.class)
                .filter(event -> customer.equals(event.timelineCustomerId()))
                .filter(event -> event.getClass().getPackageName().equals("org.aftercart.conversations"))
                .toList();
        assertThat(timeline)
                .extracting(CustomerTimelineEvent::timelineKind)
                .containsExactly(
                        "conversation.opened",
                        "conversation.inbound",
                        "conversation.outbound",
                        "conversation.closed",
                        "note.added");
        assertThat(timeline).allSatisfy(event -> assertThat(event.timelineOrderId())
                .isEqualTo(order.id().id()));
        assertThat(events.stream(ConversationOpened.class)).singleElement().satisfies(opened -> {
            assertThat(opened.conversationId()).isEqualTo(id);
            assertThat(opened.timelineSummary()).isEqualTo("Conversation opened by e-mail about where the order is");
        });
        assertThat(events.stream(NoteAdded.class)).singleElement().satisfies(added -> assertThat(added.noteId())
                .isEqualTo(note.id()));
        // The texts stay in the conversation: the timeline's summaries never carry them.
        assertThat(timeline).noneSatisfy(event -> assertThat(event.timelineSummary())
                .containsAnyOf("Tomorrow", "Prefers calls", "Lost parcel"));
    }

    @Test
    void theApiIsDocumented() {
        JsonNode paths = new ApiClient(port, null).get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/v1/conversations")).isTrue();
        assertThat(paths.has("/api/v1/conversations/{id}/entries")).isTrue();
        assertThat(paths.get("/api/v1/conversations").get("post").toString()).contains("Idempotency-Key");
    }

    private RecordContact contact(OrderView order, ConversationTopic topic) {
        return new RecordContact(
                new CustomerReference(null, null, null),
                order.id().id(),
                ConversationChannel.EMAIL,
                topic,
                EntryDirection.INBOUND,
                "Lost parcel?",
                "customer",
                null);
    }

    private UUID record(CustomerId customer, ConversationTopic topic, ConversationChannel channel) {
        return conversations
                .record(
                        new RecordContact(
                                CustomerReference.id(customer.id()),
                                null,
                                channel,
                                topic,
                                EntryDirection.INBOUND,
                                "Hello",
                                "customer",
                                null),
                        null)
                .conversation()
                .id();
    }

    private OrderView order() {
        String sku = new TestCatalog(catalog, inventory).variant("LAMP", "ONE", "30.00", 5);
        return orders.place(new PlaceOrder(
                SalesChannel.STORE,
                null,
                ContactDetails.email(email, "Lou " + tag),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 1, null, null)),
                null,
                PaymentStatus.PAID,
                BigDecimal.ZERO,
                null,
                null,
                null));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition)
                .query(Long.class)
                .single();
    }
}
