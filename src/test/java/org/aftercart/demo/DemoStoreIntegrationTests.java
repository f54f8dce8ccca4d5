package org.aftercart.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationView;
import org.aftercart.conversations.Conversations;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.SalesChannel;
import org.aftercart.platform.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the README promises a newcomer who starts the demo. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoStoreIntegrationTests {

    @DynamicPropertySource
    static void mailCatcherOnAFreePort(DynamicPropertyRegistry registry) {
        int port = FreePort.find();
        registry.add("spring.mail.port", () -> port);
    }

    @Autowired
    StaffAccounts staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    DemoStore demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Conversations conversations;

    @Test
    void theDemoLoginWorks() {
        assertThat(passwords.matches(
                        DemoStore.PASSWORD,
                        staff.loadUserByUsername(DemoStore.ADMIN).getPassword()))
                .isTrue();
    }

    @Test
    void theStoreHasHistoryAndLiveOrdersInEveryStep() {
        assertThat(jdbc.sql("select count(*) from orders.orders where historical")
                        .query(Long.class)
                        .single())
                .isGreaterThan(200);
        assertThat(status("demo-1")).isEqualTo(OrderStatus.PLACED);
        assertThat(status("demo-5")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(status("demo-7")).isEqualTo(OrderStatus.IN_FULFILMENT);
        assertThat(status("demo-8")).isEqualTo(OrderStatus.SHIPPED);
        OrderView split = order("demo-9");
        assertThat(fulfillment.ofOrder(split.id())).hasSize(2);
        assertThat(fulfillment.parcelsOf(split.id())).hasSize(2);
        assertThat(orders.journal(order("demo-4").id())).hasSizeGreaterThanOrEqualTo(3);
        // The carriers' demo news reaches the parcels, for the tracking page to show.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from tracking.shipments where status in ('DELIVERED', 'DELAYED',"
                                        + " 'OUT_FOR_DELIVERY') and tracking_number in ('RM123456785GB',"
                                        + " 'DPD1589622233', 'DPD1589622233-2')")
                                .query(Long.class)
                                .single()
                        == 3);
    }

    @Test
    void theStoreHasReturnsAtEachStageAndTheStoreCreditOfTheResolvedOne() {
        assertThat(returnStatus("demo-10")).isEqualTo("APPROVED");
        assertThat(returnStatus("demo-11")).isEqualTo("RECEIVED");
        assertThat(returnStatus("demo-12")).isEqualTo("RESOLVED");
        String customer = order("demo-12").customerId();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() ->
                        jdbc.sql("select count(*) from wallet.accounts where customer_id = ?::uuid and balance > 0")
                                        .param(customer)
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    private String returnStatus(String ref) {
        return jdbc.sql("select status from returns.returns where order_id = ?")
                .param(order(ref).id().id())
                .query(String.class)
                .single();
    }

    @Test
    void customersHaveGotInTouchByEveryChannelMostlyAskingWhereTheirOrderIs() {
        // Other tests record conversations in the same database: the demo's are those it opened.
        String demo = "conversations.conversations c where c.id in (select conversation_id from"
                + " conversations.idempotency_keys where key like 'demo-conversation-%')";
        assertThat(jdbc.sql("select channel from " + demo).query(String.class).list())
                .hasSize(6)
                .contains("EMAIL", "CHAT", "PHONE", "IN_STORE");
        assertThat(jdbc.sql("select status from " + demo).query(String.class).list())
                .contains("OPEN", "WAITING_ON_CUSTOMER", "CLOSED");
        assertThat(jdbc.sql("select count(*) from " + demo + " and assignee is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        // The late split parcel was asked after twice (chat, then phone); the one out for delivery once.
        assertThat(conversations.whereIsMyOrderContacts(order("demo-9").id())).isEqualTo(2);
        assertThat(conversations.whereIsMyOrderContacts(order("demo-8").id())).isEqualTo(1);
        assertThat(conversations.ofCustomer(CustomerId.of(order("demo-12").customerId())))
                .extracting(ConversationView::channel)
                .contains(ConversationChannel.IN_STORE);
    }

    @Test
    void seedingTwiceAddsNothing() throws Exception {
        long before =
                jdbc.sql("select count(*) from orders.orders").query(Long.class).single();
        long conversationsBefore = jdbc.sql("select count(*) from conversations.conversations")
                .query(Long.class)
                .single();
        demo.run(null);
        assertThat(jdbc.sql("select count(*) from orders.orders")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from conversations.conversations")
                        .query(Long.class)
                        .single())
                .isEqualTo(conversationsBefore);
    }

    private OrderStatus status(String ref) {
        return order(ref).status();
    }

    private OrderView order(String ref) {
        var channel =
                switch (ref) {
                    case "demo-2", "demo-7" -> SalesChannel.PHONE;
                    case "demo-3" -> SalesChannel.MARKETPLACE;
                    case "demo-5", "demo-12" -> SalesChannel.STORE;
                    default -> SalesChannel.WEB;
                };
        return orders.findByChannelRef(channel, ref).orElseThrow();
    }
}
