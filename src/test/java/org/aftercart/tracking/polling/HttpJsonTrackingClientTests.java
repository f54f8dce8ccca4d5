package org.aftercart.tracking.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.carriers.UnreadablePayload;
import org.junit.jupiter.api.Test;

/** The canonical answer of the generic HTTP client. */
class HttpJsonTrackingClientTests {

    @Test
    void readsTheCanonicalShape() {
        var reports = HttpJsonTrackingClient.parse(
                "la-poste",
                """
                {"shipments": [
                  {"tracking_number": "6A123", "estimated_delivery": "2026-11-24", "ignored": true, "events": [
                    {"occurred_at": "2026-11-20T09:00:00+01:00", "status": "IN_TRANSIT", "detail": "hub",
                     "description": "Parti du site", "location": {"city": "Lyon", "country": "FR"}},
                    {"occurred_at": "2026-11-21T08:00:00Z", "status": "OUT_FOR_DELIVERY"}]},
                  {"tracking_number": "6A124", "carrier": "Colissimo"}]}
                """);

        assertThat(reports).hasSize(2);
        var first = reports.getFirst();
        assertThat(first.vocabulary()).isEqualTo("canonical");
        assertThat(first.carrier()).isEqualTo("la-poste");
        assertThat(first.carrierEstimate()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(first.events().getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(first.events().getFirst().location()).isEqualTo(new EventLocation("Lyon", null, null, "FR"));
        assertThat(first.events().get(1).location()).isNull();
        assertThat(reports.get(1).carrier()).isEqualTo("Colissimo");
        assertThat(reports.get(1).events()).isEmpty();
    }

    @Test
    void refusesAnotherShape() {
        assertThatThrownBy(() -> HttpJsonTrackingClient.parse("x", "[]")).isInstanceOf(UnreadablePayload.class);
        assertThatThrownBy(() -> HttpJsonTrackingClient.parse("x", "{}"))
                .isInstanceOf(UnreadablePayload.class)
                .hasMessageContaining("shipments");
        assertThatThrownBy(
                        () -> HttpJsonTrackingClient.parse(
                                "x",
                                """
                        {"shipments": [{"tracking_number": "1", "events": [
                          {"occurred_at": "2026-11-20T08:00:00Z", "status": "ON_ITS_WAY"}]}]}
                        """))
                .isInstanceOf(UnreadablePayload.class)
                .hasMessageContaining("ON_ITS_WAY");
        assertThatThrownBy(
                        () -> HttpJsonTrackingClient.parse(
                                "x",
                                """
                        {"shipments": [{"tracking_number": "1", "events": [{"status": "IN_TRANSIT"}]}]}
                        """))
                .isInstanceOf(UnreadablePayload.class);
        assertThatThrownBy(() -> HttpJsonTrackingClient.parse("x", "{\"shipments\": [{\"events\": []}]}"))
                .isInstanceOf(UnreadablePayload.class)
                .hasMessageContaining("tracking_number");
    }
}
