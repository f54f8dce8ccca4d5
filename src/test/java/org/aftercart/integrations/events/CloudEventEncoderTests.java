package org.aftercart.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.ChangeKind;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderLineSnapshot;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.TrackingStatus;
import org.junit.jupiter.api.Test;

class CloudEventEncoderTests {

    static final OrderId ORDER = new OrderId(UUID.fromString("0193a6f2-7c1e-7b3a-9d4e-5f6a7b8c9d0e"));
    static final UUID LINE = UUID.fromString("7d2e3f4a-1b2c-4d3e-9f4a-5b6c7d8e9f0a");

    @Test
    void theIdIsANameBasedUuidThatEveryAttemptAtOneEventShares() {
        CloudEvent first = CloudEventEncoder.encode(BusinessEventMapping.map(changed(2, "-25.00")));
        CloudEvent again = CloudEventEncoder.encode(BusinessEventMapping.map(changed(2, "-25.00")));

        UUID id = UUID.fromString(first.getId());
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(again.getId()).isEqualTo(first.getId());
    }

    @Test
    void twoFactsNeverShareAnId() {
        String version2 = CloudEventEncoder.encode(BusinessEventMapping.map(changed(2, "-25.00")))
                .getId();
        String version3 = CloudEventEncoder.encode(BusinessEventMapping.map(changed(3, "-25.00")))
                .getId();
        String otherAmount = CloudEventEncoder.encode(BusinessEventMapping.map(changed(2, "-20.00")))
                .getId();

        assertThat(List.of(version2, version3, otherAmount)).doesNotHaveDuplicates();
    }

    @Test
    void attributesFollowTheContract() {
        CloudEvent event = CloudEventEncoder.encode(BusinessEventMapping.map(changed(2, "-25.00")));

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("org.aftercart.orders.order-changed.v1");
        assertThat(event.getSource()).hasToString("/aftercart/orders");
        assertThat(event.getSubject()).isEqualTo("AC-100042");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        // The time the change was accepted, the same as the journal entry's.
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:15:00Z"));
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(data)
                .contains("\"orderId\":\"0193a6f2-7c1e-7b3a-9d4e-5f6a7b8c9d0e\"")
                .contains("\"version\":2")
                .contains("\"priceDifference\":{\"amount\":\"-25.00\",\"currency\":\"EUR\"}")
                .contains("\"kind\":\"QUANTITY_CHANGED\"")
                // The settlement flag is the payments module's business, not the contract's.
                .doesNotContain("settledByChannel");
    }

    @Test
    void aDeliveryIsAStatusChangeKeyedByItsOrderAndTimedByTheCarrier() {
        Instant seen = Instant.parse("2026-12-04T09:41:00Z");
        var shipment = new ShipmentView(
                UUID.randomUUID(),
                ORDER.id(),
                "AC-100042",
                "La Poste",
                null,
                "6A12345678901",
                TrackingStatus.DELIVERED,
                seen,
                seen.minusSeconds(86_400),
                seen,
                null,
                null,
                null,
                "FR",
                List.of());
        BusinessEvent mapped = BusinessEventMapping.map(new ShipmentStatusChanged(
                shipment, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED, "Delivered", seen, false));
        CloudEvent event = CloudEventEncoder.encode(mapped);

        assertThat(mapped.key()).isEqualTo(ORDER.toString());
        assertThat(event.getType()).isEqualTo("org.aftercart.tracking.shipment-status-changed.v1");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(seen, ZoneOffset.UTC));
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"status\":\"DELIVERED\"", "\"previousStatus\":\"OUT_FOR_DELIVERY\"")
                .contains("\"occurredAt\":\"2026-12-04T09:41:00Z\"");
    }

    @Test
    void onlyTheChosenEventsArePublished() {
        assertThat(BusinessEventMapping.isPublished(changed(2, "-25.00"))).isTrue();
        assertThat(BusinessEventMapping.isPublished(ORDER)).isFalse();
        assertThat(BusinessEventMapping.PUBLISHED).hasSize(18);
    }

    private static OrderChanged changed(long version, String difference) {
        return new OrderChanged(
                ORDER,
                "AC-100042",
                version,
                ChangeKind.QUANTITY_CHANGED,
                "SHIRT-M quantity 3 → 2",
                Money.of(difference, "EUR"),
                List.of(new OrderLineSnapshot(LINE, "SHIRT-M", Money.of("25.00", "EUR"), 2, 2)),
                false,
                Instant.parse("2026-11-20T10:15:00Z"));
    }
}
