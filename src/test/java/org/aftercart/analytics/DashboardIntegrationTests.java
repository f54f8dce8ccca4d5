package org.aftercart.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.aftercart.catalog.Catalog;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.NewEntry;
import org.aftercart.conversations.RecordContact;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ReturnFigures;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.Returns;
import org.aftercart.shared.Money;
import org.aftercart.support.OperationsScenes;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.TrackingLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's figures on a known data set: the application's clock is set to a day years ago,
 * different on each run, so that no other test's orders, parcels or returns fall in the period
 * asked for. Everything is built through the modules' APIs and the public tracking page.
 */
@SpringBootTest(
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.fulfillment.ship-within=P1D",
            "aftercart.tracking.page.visit-flush-every=PT0.2S"
        })
@AutoConfigureMockMvc
class DashboardIntegrationTests {

    @TestConfiguration
    static class SetTime {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @Autowired
    MockMvc mvc;

    @Autowired
    TrackingLinks links;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Returns returns;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Test
    void figuresOfAKnownPeriodCountOnlyItsOrdersParcelsVisitsAndReturns() throws Exception {
        OperationsScenes scenes =
                new OperationsScenes(orders, fulfillment, tracking, intake, returns, catalog, inventory);
        LocalDate day =
                LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
        Instant morning = day.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);

        clock.set(morning);
        OrderView onTime = scenes.place(null);
        OrderView late = scenes.place(null);
        OrderView neverShipped = scenes.place(null);
        OrderView cancelled = scenes.place(null);
        orders.cancel(cancelled.id(), "changed mind", "test");

        clock.set(morning.plus(Duration.ofHours(3))); // before its ship-by, the next morning
        String onTimeParcel = scenes.ship(onTime);
        // Shipped in time counts at once; the others are not decided before their ship-by time.
        assertThat(dashboard.between(day, day.plusDays(1)).shippedOnTime()).isEqualTo(new Share(1, 1));
        clock.set(morning.plus(Duration.ofDays(2))); // a day after its ship-by
        String lateParcel = scenes.ship(late);

        clock.set(morning.plus(Duration.ofDays(10)));
        // Promised by default within 2 to 5 days of shipping: the first arrives in 3, the second in 7.
        scenes.checkpoint(onTimeParcel, "DELIVERED", morning.plus(Duration.ofDays(3)));
        scenes.checkpoint(lateParcel, "DELIVERED", morning.plus(Duration.ofDays(9)));

        mvc.perform(get(links.pathFor(onTime.id()))).andExpect(status().isOk());
        mvc.perform(get(links.pathFor(onTime.id()))).andExpect(status().isOk());
        mvc.perform(get(links.pathFor(late.id()))).andExpect(status().isOk());

        // Asked twice where the late one was, in one conversation, and once about a return: two contacts.
        UUID asked = conversations
                .record(contact(late, ConversationTopic.WHERE_IS_MY_ORDER), null)
                .conversation()
                .id();
        conversations.addEntry(asked, new NewEntry(EntryDirection.INBOUND, "Still nothing?", "customer"), null);
        conversations.record(contact(onTime, ConversationTopic.RETURN), null);

        scenes.requestReturn(onTime, "too-small", ReturnOutcome.REFUND);
        scenes.requestReturn(late, "too-small", ReturnOutcome.STORE_CREDIT);

        DashboardFigures figures = await().atMost(Duration.ofSeconds(10))
                .until(() -> dashboard.between(day, day.plusDays(10)), f -> f.trackingPageVisits() == 3);

        assertThat(figures.days()).hasSize(11);
        assertThat(figures.days().getFirst().orders()).isEqualTo(4);
        assertThat(figures.days().stream()
                        .skip(1)
                        .mapToLong(DashboardDay::orders)
                        .sum())
                .isZero();
        assertThat(figures.orders()).isEqualTo(4);

        // The one shipped in time counts on the day it left; the late and the never shipped on their
        // ship-by day, the next morning. The cancelled one is not due.
        assertThat(figures.days().get(0).shippedOnTime()).isEqualTo(new Share(1, 1));
        assertThat(figures.days().get(1).shippedOnTime()).isEqualTo(new Share(0, 2));
        assertThat(figures.shippedOnTime()).isEqualTo(new Share(1, 3));
        assertThat(figures.shippedOnTime().percent()).isEqualByComparingTo("33.3");

        assertThat(figures.days().get(3).deliveredOnPromise()).isEqualTo(new Share(1, 1));
        assertThat(figures.days().get(9).deliveredOnPromise()).isEqualTo(new Share(0, 1));
        assertThat(figures.deliveredOnPromise()).isEqualTo(new Share(1, 2));

        assertThat(figures.trackedOrders()).isEqualTo(2);
        assertThat(figures.visitsPerTrackedOrder()).isEqualByComparingTo("1.50");
        assertThat(figures.whereIsMyOrderContacts()).isEqualTo(2);
        assertThat(figures.whereIsMyOrderPer100Orders()).isEqualByComparingTo("50");

        assertThat(figures.returnRate()).isEqualTo(new Share(2, 4));
        assertThat(figures.returns().returns()).isEqualTo(2);
        assertThat(figures.returns().topReasons()).containsExactly(new ReturnFigures.ReasonCount("too-small", 2));
        assertThat(figures.returns().outcomes())
                .containsExactly(
                        new ReturnFigures.OutcomeMix(ReturnOutcome.REFUND, 1, Money.of("10.00", "EUR")),
                        new ReturnFigures.OutcomeMix(ReturnOutcome.STORE_CREDIT, 1, Money.of("10.00", "EUR")));

        // The day before and the days after hold none of it.
        DashboardFigures before = dashboard.between(day.minusDays(3), day.minusDays(1));
        assertThat(before.orders()).isZero();
        assertThat(before.returns().returns()).isZero();
        assertThat(dashboard.lastDays(7).first()).isEqualTo(day.plusDays(4));

        // Leaves no order overdue for ever in the shared database's operations list.
        orders.cancel(neverShipped.id(), "test over", "test");
    }

    private static RecordContact contact(OrderView order, ConversationTopic topic) {
        return new RecordContact(
                new CustomerReference(null, null, null),
                order.id().id(),
                ConversationChannel.EMAIL,
                topic,
                EntryDirection.INBOUND,
                "Where is it?",
                "customer",
                null);
    }
}
