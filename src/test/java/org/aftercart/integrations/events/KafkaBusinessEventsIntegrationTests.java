package org.aftercart.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The business events on a real (embedded, KRaft) Kafka broker, from the real application driven
 * through its API: an order's journey arrives as CloudEvents in the order it happened, and what is
 * published while Kafka cannot take it arrives once it can.
 *
 * <p>The outage is the topic's: it is deleted (the broker creates none by itself), so every send
 * fails as when the broker is down, and created again. The KRaft test kit cannot restart a broker,
 * nor start a new one on the old one's port ({@code kafkaPorts} is ignored in KRaft mode), so a
 * stopped broker could not come back at an address the running application knows.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "aftercart.events.kafka.enabled=true",
            "aftercart.events.kafka.topic=" + KafkaBusinessEventsIntegrationTests.TOPIC,
            "aftercart.events.kafka.partitions=3",
            "aftercart.events.kafka.retry-every=PT1S",
            "aftercart.fulfillment.hold-window=PT0S",
            // A broker that is down fails a send in seconds, not the producer's default two minutes.
            "spring.kafka.producer.properties[max.block.ms]=1000",
            "spring.kafka.producer.properties[request.timeout.ms]=1000",
            "spring.kafka.producer.properties[delivery.timeout.ms]=2000",
            "logging.level.org.apache.kafka=WARN",
            "logging.level.kafka=WARN",
            "logging.level.state.change.logger=WARN",
        })
@DirtiesContext
class KafkaBusinessEventsIntegrationTests {

    static final String TOPIC = "aftercart.events.test";
    static final EmbeddedKafkaKraftBroker broker = startBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer eventSerializer;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOrdersJourneyArrivesInOrderAndWhatIsPublishedDuringAnOutageArrivesAfterIt() throws Exception {
        ApiClient api = ApiClient.withNewKey(apiKeys, port, "kafka tests", "ak_kafka_events");
        TestCatalog products = new TestCatalog(catalog, inventory);
        String shirt = products.variant("KAFKA-SHIRT", "M", "25.00", 20);

        // The journey: placed, changed (one unit less: a refund), shipped, delivered, returned.
        JsonNode order = placeOrder(api, shirt, 3);
        String orderId = order.get("id").asString();
        String orderNumber = order.get("number").asString();
        String lineId = order.get("lines").get(0).get("id").asString();
        assertThat(api.post(
                                "/api/v1/orders/" + orderId + "/changes",
                                """
                                {"type":"CHANGE_QUANTITY","lineId":"%s","quantity":2}"""
                                        .formatted(lineId))
                        .status())
                .isEqualTo(200);
        String trackingNumber = "KAFKA" + UUID.randomUUID().toString().substring(0, 8);
        ship(api, orderId, lineId, 2, trackingNumber);
        assertThat(api.post(
                                "/api/v1/tracking-events",
                                """
                                [{"carrier":"La Poste","trackingNumber":"%s",
                                  "events":[{"occurredAt":"%s","status":"DELIVERED","description":"Delivered"}]}]"""
                                        .formatted(trackingNumber, Instant.now()))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/orders/" + orderId)
                                .json()
                                .get("lines")
                                .get(0)
                                .get("quantities")
                                .get("delivered")
                                .asInt()
                        == 2);
        var requested = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","channel":"PORTAL","method":"MAIL","requestedBy":"customer",
                 "items":[{"orderLineId":"%s","quantity":1,"reasonCode":"too-small","outcome":"REFUND"}]}"""
                        .formatted(orderId, lineId),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(requested.status()).isEqualTo(201);
        String returnId = requested.json().get("id").asString();
        String returnNumber = requested.json().get("number").asString();
        assertThat(api.post(
                                "/api/v1/returns/" + returnId + "/receive",
                                """
                                {"items":[{"itemId":"%s","quantity":1,"condition":"NEW","resellable":true}]}"""
                                        .formatted(requested
                                                .json()
                                                .get("items")
                                                .get(0)
                                                .get("id")
                                                .asString()))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/returns/" + returnId + "/resolve", "").status())
                .isEqualTo(200);

        List<ConsumerRecord<String, CloudEvent>> journey;
        try (var consumer = consumer()) {
            journey = awaitRecords(
                    consumer,
                    orderId,
                    Set.of(
                            "order-placed",
                            "order-changed",
                            "parcel-shipped",
                            "shipment-status-changed",
                            "return-requested",
                            "return-approved",
                            "return-received",
                            "return-resolved",
                            "refund-issued"));
        }

        // One order, one key, one partition, in the order it happened (the refunds are settled
        // asynchronously by payments, so they are only required to be there).
        assertThat(journey).extracting(ConsumerRecord::key).containsOnly(orderId);
        assertThat(journey)
                .extracting(ConsumerRecord::partition)
                .containsOnly(journey.getFirst().partition());
        List<String> steps = journey.stream()
                .map(record -> name(record.value()))
                .filter(name -> !name.equals("refund-issued"))
                .toList();
        assertThat(steps.stream().distinct().toList())
                .containsExactly(
                        "order-placed",
                        "order-changed",
                        "parcel-shipped",
                        "shipment-status-changed",
                        "return-requested",
                        "return-approved",
                        "return-received",
                        "return-resolved");

        // CloudEvents in binary mode: attributes in ce_ headers, the versioned data as the value.
        ConsumerRecord<String, CloudEvent> placedRecord = only(journey, "order-placed");
        assertThat(header(placedRecord, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(placedRecord, "ce_type")).isEqualTo("org.aftercart.orders.order-placed.v1");
        assertThat(header(placedRecord, "ce_source")).isEqualTo("/aftercart/orders");
        assertThat(header(placedRecord, "ce_subject")).isEqualTo(orderNumber);
        assertThat(header(placedRecord, "content-type")).isEqualTo("application/json");
        CloudEvent placed = placedRecord.value();
        assertThat(placed.getType()).isEqualTo("org.aftercart.orders.order-placed.v1");
        assertThat(placed.getSource()).hasToString("/aftercart/orders");
        assertThat(placed.getSubject()).isEqualTo(orderNumber);
        assertThat(placed.getTime()).isNotNull();
        assertThat(placed.getDataContentType()).isEqualTo("application/json");
        JsonNode placedData = data(placed);
        assertThat(placedData.get("orderId").asString()).isEqualTo(orderId);
        assertThat(placedData.get("orderNumber").asString()).isEqualTo(orderNumber);
        assertThat(placedData.get("channel").asString()).isEqualTo("WEB");
        assertThat(placedData.get("total").get("amount").asString()).isEqualTo("75.00");
        assertThat(placedData.get("total").get("currency").asString()).isEqualTo("EUR");
        assertThat(placedData.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(placedData.get("customerId").asString())
                .isEqualTo(order.get("customerId").asString());
        // Ids, not personal data: the customer's e-mail address and name never travel.
        journey.forEach(record -> assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8))
                .doesNotContain("kafka-journey@example.org", "Kay Fka", "1 High Street"));

        JsonNode changed = data(only(journey, "order-changed").value());
        assertThat(changed.get("kind").asString()).isEqualTo("QUANTITY_CHANGED");
        assertThat(changed.get("priceDifference").get("amount").asString()).isEqualTo("-25.00");
        JsonNode shipped = data(only(journey, "parcel-shipped").value());
        assertThat(shipped.get("trackingNumber").asString()).isEqualTo(trackingNumber);
        assertThat(shipped.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(journey.stream()
                        .filter(record -> name(record.value()).equals("shipment-status-changed"))
                        .map(record -> data(record.value()).get("status").asString()))
                .contains("DELIVERED");
        ConsumerRecord<String, CloudEvent> resolvedRecord = only(journey, "return-resolved");
        assertThat(resolvedRecord.value().getSubject()).isEqualTo(returnNumber);
        assertThat(data(resolvedRecord.value()).get("refunded").get("amount").asString())
                .isEqualTo("25.00");
        assertThat(journey.stream()
                        .filter(record -> name(record.value()).equals("refund-issued"))
                        .map(record ->
                                data(record.value()).get("amount").get("amount").asString()))
                .containsExactlyInAnyOrder("25.00", "25.00");

        // Every event once, and its id is the one a resubmission of the stored publication sends.
        assertThat(journey).extracting(record -> record.value().getId()).doesNotHaveDuplicates();
        assertThat(idsOfStoredPublications(orderId))
                .containsExactlyInAnyOrderElementsOf(
                        journey.stream().map(record -> record.value().getId()).toList());

        // Kafka cannot take events. An order placed and cancelled meanwhile is committed and
        // answered as usual; its events wait in the publication registry.
        broker.doWithAdmin(admin -> {
            try {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !broker.doWithAdminFunction(admin -> topics(admin)).contains(TOPIC));
        JsonNode second = placeOrder(api, shirt, 1);
        String secondId = second.get("id").asString();
        assertThat(api.post(
                                "/api/v1/orders/" + secondId + "/cancel",
                                """
                                {"reason":"customer changed their mind"}""")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(failedAttempts(secondId)).isGreaterThanOrEqualTo(2));

        // Kafka is back: the events arrive, once each (not necessarily in order).
        // (Through the admin client: the test broker's own addTopics refuses a name it created before.)
        broker.doWithAdmin(admin -> {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (var consumer = consumer()) {
            List<ConsumerRecord<String, CloudEvent>> afterOutage =
                    awaitRecords(consumer, secondId, Set.of("order-placed", "order-cancelled", "refund-issued"));
            assertThat(afterOutage)
                    .extracting(record -> name(record.value()))
                    .filteredOn(name -> !name.equals("refund-issued"))
                    // Resubmission after an outage does not keep their order (docs/events.md).
                    .containsExactlyInAnyOrder("order-placed", "order-cancelled");
            assertThat(afterOutage).extracting(record -> record.value().getId()).doesNotHaveDuplicates();
            assertThat(idsOfStoredPublications(secondId))
                    .containsExactlyInAnyOrderElementsOf(afterOutage.stream()
                            .map(record -> record.value().getId())
                            .toList());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                                """
                                        SELECT count(*) FROM event_publication
                                         WHERE listener_id = ? AND completion_date IS NULL""")
                        .param(KafkaEventExternalizer.LISTENER_ID)
                        .query(Long.class)
                        .single())
                .isZero());
    }

    private JsonNode placeOrder(ApiClient api, String sku, int quantity) {
        var created = api.post(
                "/api/v1/orders",
                """
                {"channel":"WEB","currency":"EUR","paymentStatus":"PAID",
                 "customer":{"email":"kafka-journey@example.org","name":"Kay Fka"},
                 "shipTo":{"name":"Kay Fka","line1":"1 High Street","city":"Leeds","postcode":"LS1 4AP","country":"GB"},
                 "lines":[{"sku":"%s","quantity":%d}]}"""
                        .formatted(sku, quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static void ship(ApiClient api, String orderId, String lineId, int quantity, String trackingNumber) {
        String fulfillmentOrderId = api.get("/api/v1/fulfillment-orders?orderId=" + orderId)
                .json()
                .get(0)
                .get("id")
                .asString();
        for (String step : List.of("start-picking", "start-packing")) {
            assertThat(api.post("/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/" + step, "")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.post(
                                "/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/ship",
                                """
                                {"parcels":[{"carrier":"La Poste","trackingNumber":"%s",
                                  "items":[{"orderLineId":"%s","quantity":%d}]}]}"""
                                        .formatted(trackingNumber, lineId, quantity))
                        .status())
                .isEqualTo(200);
    }

    /** Reads the topic from the start until every named type has arrived for the key. */
    private static List<ConsumerRecord<String, CloudEvent>> awaitRecords(
            KafkaConsumer<String, CloudEvent> consumer, String key, Set<String> names) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (key.equals(record.key())) {
                    records.add(record);
                }
            });
            return records.stream()
                    .map(record -> name(record.value()))
                    .collect(Collectors.toSet())
                    .containsAll(names);
        });
        // Anything sent at the same moment as the last awaited one.
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
            if (key.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    private static KafkaConsumer<String, CloudEvent> consumer() {
        var consumer = new KafkaConsumer<String, CloudEvent>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        assertThat(partitions).hasSize(3);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The CloudEvent ids that the stored publications of one order's events map to. */
    private List<String> idsOfStoredPublications(String orderId) {
        return jdbc.sql(
                        """
                        SELECT event_type, serialized_event FROM event_publication
                         WHERE listener_id = ? AND serialized_event LIKE ?""")
                .param(KafkaEventExternalizer.LISTENER_ID)
                .param("%" + orderId + "%")
                .query((row, n) -> {
                    try {
                        Object event = eventSerializer.deserialize(
                                row.getString("serialized_event"), Class.forName(row.getString("event_type")));
                        return CloudEventEncoder.encode(BusinessEventMapping.map(event))
                                .getId();
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .list();
    }

    private long failedAttempts(String orderId) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM event_publication
                         WHERE listener_id = ? AND serialized_event LIKE ? AND status = 'FAILED'""")
                .param(KafkaEventExternalizer.LISTENER_ID)
                .param("%" + orderId + "%")
                .query(Long.class)
                .single();
    }

    private static ConsumerRecord<String, CloudEvent> only(
            List<ConsumerRecord<String, CloudEvent>> records, String name) {
        List<ConsumerRecord<String, CloudEvent>> named = records.stream()
                .filter(record -> name(record.value()).equals(name))
                .toList();
        assertThat(named).as(name).hasSize(1);
        return named.getFirst();
    }

    /** {@code org.aftercart.orders.order-placed.v1} → {@code order-placed}. */
    private static String name(CloudEvent event) {
        String[] parts = event.getType().split("\\.");
        return parts[parts.length - 2];
    }

    private JsonNode data(CloudEvent event) {
        return json.readTree(event.getData().toBytes());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> topics(AdminClient admin) {
        try {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        // Before Spring Boot sets up logging, the test kit would log every step of its start.
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
        var started = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        started.brokerProperty("auto.create.topics.enable", "false");
        started.afterPropertiesSet();
        return started;
    }
}
