package org.aftercart.tracking.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The parsers on hand-made input: bad bodies and the details the contract test does not look at. */
class CarrierPayloadParsersTests {

    private static final List<Function<byte[], List<CarrierReport>>> BYTE_PARSERS = List.of(
            EasyPostPayloads::read,
            AfterShipPayloads::read,
            CanonicalPayloads::read,
            UpsPayloads::read,
            UspsPayloads::read,
            FedExPayloads::read,
            DhlPayloads::read,
            MyDhlPayloads::read,
            AustraliaPostPayloads::read,
            LaPostePayloads::read,
            body -> SendlePayloads.read("S3ND73", body),
            GlsPayloads::read,
            HermesPayloads::read);

    @ParameterizedTest
    @ValueSource(strings = {"{\"trackers\": [", "not json", "{\"a\": 1,}"})
    void everyParserRefusesMalformedJson(String body) {
        for (Function<byte[], List<CarrierReport>> parser : BYTE_PARSERS) {
            assertThatThrownBy(() -> parser.apply(body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(UnreadablePayload.class)
                    .hasMessageContaining("payload is not valid JSON")
                    .hasMessageContaining("line 1");
        }
    }

    @Test
    void everyParserRefusesAnEmptyBody() {
        for (Function<byte[], List<CarrierReport>> parser : BYTE_PARSERS) {
            assertThatThrownBy(() -> parser.apply(new byte[0]))
                    .isInstanceOf(UnreadablePayload.class)
                    .hasMessageEndingWith("payload is empty");
        }
    }

    @Test
    void easyPostRefusesNonTrackerEventsAndTrackersWithoutTrackingCode() {
        assertThatThrownBy(
                        () -> EasyPostPayloads.read(
                                json(
                                        "{\"object\": \"Event\", \"description\": \"shipment.purchased\", \"result\": {\"object\": \"Shipment\"}}")))
                .hasMessage("EasyPost event 'shipment.purchased' is not a tracker event");
        assertThatThrownBy(
                        () -> EasyPostPayloads.read(
                                json(
                                        "{\"object\": \"Tracker\", \"id\": \"trk_1\", \"carrier\": \"USPS\", \"tracking_details\": []}")))
                .hasMessage("EasyPost tracker trk_1 has no tracking_code");
    }

    @Test
    void easyPostRefusesADetailWithoutTime() {
        assertThatThrownBy(
                        () -> EasyPostPayloads.read(
                                json(
                                        """
                        {"object": "Event", "description": "tracker.updated", "result": {"object": "Tracker",
                          "tracking_code": "EZ1", "carrier": "USPS",
                          "tracking_details": [{"status": "in_transit", "message": "On its way"}]}}
                        """)))
                .hasMessage("EasyPost tracker EZ1: tracking_details[0] has no datetime");
    }

    @Test
    void afterShipWebhookIsReadAndItsCountriesTurnedIntoAlpha2() {
        List<CarrierReport> reports = AfterShipPayloads.read(
                json(
                        """
                {"event": "tracking_update", "msg": {"slug": "royal-mail", "tracking_number": "RM1",
                  "expected_delivery": "2026-11-30",
                  "checkpoints": [
                    {"checkpoint_time": "2026-11-24T09:00:00+00:00", "tag": "OutForDelivery", "subtag": "OutForDelivery_001",
                     "message": "Out for delivery", "city": "Leeds", "zip": "LS1", "country_iso3": "GBR"},
                    {"checkpoint_time": "2026-11-23T10:00:00", "tag": "InTransit", "subtag": "InTransit_002",
                     "message": "Accepted", "country_iso3": "DEU"}]}}
                """));
        CarrierReport report = reports.getFirst();
        assertThat(report.vocabulary()).isEqualTo("aftership");
        assertThat(report.carrier()).isEqualTo("royal-mail");
        assertThat(report.carrierEstimate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(report.events())
                .extracting(CarrierEvent::code, CarrierEvent::detail, CarrierEvent::occurredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "InTransit", "InTransit_002", Instant.parse("2026-11-23T10:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(
                                "OutForDelivery", "OutForDelivery_001", Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(report.events().getFirst().location()).isEqualTo(new EventLocation(null, null, null, "DE"));
        assertThat(report.events().getLast().location()).isEqualTo(new EventLocation("Leeds", null, "LS1", "GB"));
    }

    @Test
    void afterShipRefusesATrackingWithoutNumberACheckpointWithoutTimeAndOtherWebhookEvents() {
        assertThatThrownBy(() -> AfterShipPayloads.read(json("{\"msg\": {\"slug\": \"ups\", \"checkpoints\": []}}")))
                .hasMessage("AfterShip tracking has no tracking_number");
        assertThatThrownBy(
                        () -> AfterShipPayloads.read(
                                json(
                                        "{\"msg\": {\"slug\": \"ups\", \"tracking_number\": \"1Z\", \"checkpoints\": [{\"tag\": \"InTransit\"}]}}")))
                .hasMessage("AfterShip tracking 1Z: checkpoints[0] has no checkpoint_time");
        assertThatThrownBy(() -> AfterShipPayloads.read(json("{\"event\": \"notification_sent\", \"msg\": {}}")))
                .hasMessage("AfterShip webhook event 'notification_sent' is not a tracking_update");
    }

    @Test
    void canonicalIntakeReadsItsDocumentedShape() {
        List<CarrierReport> reports = CanonicalPayloads.read(
                """
                [{"carrier": "Royal Mail", "trackingNumber": "AB123456789GB", "estimatedDelivery": "2026-11-30",
                  "events": [
                    {"occurredAt": "2026-11-24T08:00:00+01:00", "status": "OUT_FOR_DELIVERY", "detail": "VAN",
                     "description": "With the driver", "location": {"city": "Leeds", "country": "GB"}},
                    {"occurredAt": "2026-11-23T10:00:00Z", "status": "IN_TRANSIT"}]},
                 {"carrier": "Evri", "trackingNumber": "H01", "events": []}]
                """
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(reports).extracting(CarrierReport::trackingNumber).containsExactly("AB123456789GB", "H01");
        CarrierReport first = reports.getFirst();
        assertThat(first.vocabulary()).isEqualTo("canonical");
        assertThat(first.carrierEstimate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(first.events()).extracting(CarrierEvent::code).containsExactly("IN_TRANSIT", "OUT_FOR_DELIVERY");
        assertThat(first.events().getLast())
                .isEqualTo(new CarrierEvent(
                        Instant.parse("2026-11-24T07:00:00Z"),
                        "OUT_FOR_DELIVERY",
                        "VAN",
                        "With the driver",
                        new EventLocation("Leeds", null, null, "GB")));
    }

    @Test
    void canonicalIntakeRefusesAnUnknownStatusWithTheAllowedOnes() {
        assertThatThrownBy(
                        () -> CanonicalPayloads.read(
                                json(
                                        """
                        {"carrier": "X", "trackingNumber": "1",
                         "events": [{"occurredAt": "2026-11-23T10:00:00Z", "status": "SHIPPED"}]}
                        """)))
                .isInstanceOf(UnreadablePayload.class)
                .hasMessage("Tracking payload refused: events[0].status 'SHIPPED' is not one of NO_INFO, LABEL_CREATED,"
                        + " IN_TRANSIT, DELAYED, OUT_FOR_DELIVERY, READY_FOR_PICKUP, ATTEMPT_FAILED, DELIVERED,"
                        + " RETURNING_TO_SENDER, EXCEPTION, CANCELLED");
    }

    @Test
    void canonicalIntakeReportsEveryProblemAtOnce() {
        assertThatThrownBy(
                        () -> CanonicalPayloads.read(
                                json(
                                        """
                        [{"carrier": "X", "estimatedDelivery": "30/11/2026",
                          "events": [{"occurredAt": "2026-11-23T10:00:00", "status": "IN_TRANSIT",
                                      "location": {"country": "United Kingdom"}},
                                     {"status": "DELIVERED"}]},
                         {"trackingNumber": "2"}]
                        """)))
                .hasMessage("Tracking payload refused: [0].trackingNumber is missing;"
                        + " [0].estimatedDelivery '30/11/2026' is not a date like 2026-11-30;"
                        + " [0].events[0].occurredAt '2026-11-23T10:00:00' needs a date, a time and an offset,"
                        + " like 2026-11-23T10:00:00Z or 2026-11-23T11:00:00+01:00;"
                        + " [0].events[0].location.country 'United Kingdom' is not an ISO 3166-1 alpha-2 code like GB;"
                        + " [0].events[1].occurredAt is missing;"
                        + " [1].carrier is missing;"
                        + " [1].events is missing; give an array of events (it may be empty)");
    }

    @Test
    void upsRefusesAnActivityWithoutDateAndReadsGmtOffsetWhenGiven() {
        assertThatThrownBy(
                        () -> UpsPayloads.read(
                                json(
                                        """
                        {"trackResponse": {"shipment": [{"package": [{"trackingNumber": "1Z9",
                          "activity": [{"status": {"type": "I", "code": "DP"}, "time": "101500"}]}]}]}}
                        """)))
                .hasMessage("UPS package 1Z9: activity[0] has no date");
        List<CarrierReport> reports = UpsPayloads.read(
                json(
                        """
                {"trackResponse": {"shipment": [{"package": [{"trackingNumber": "1Z9",
                  "deliveryDate": [{"type": "SDD", "date": "20260130"}],
                  "activity": [{"status": {"type": "I", "code": "DP"}, "date": "20260128", "time": "101500",
                                "gmtOffset": "+01:00", "location": {"address": {"city": "KOELN", "countryCode": "DE"}}}]}]}]}}
                """));
        assertThat(reports.getFirst().carrierEstimate()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(reports.getFirst().events().getFirst().occurredAt())
                .isEqualTo(Instant.parse("2026-01-28T09:15:00Z"));
    }

    @Test
    void upsRefusesAResponseWithoutPackagesWithItsWarnings() {
        assertThatThrownBy(
                        () -> UpsPayloads.read(
                                json(
                                        """
                        {"trackResponse": {"shipment": [{"inquiryNumber": "1Z0",
                          "warnings": [{"code": "TW0001", "message": "Tracking Information Not Found"}]}]}}
                        """)))
                .hasMessage("UPS response holds no package; warnings: TW0001 Tracking Information Not Found");
    }

    @Test
    void australiaPostRefusesWhenEveryItemIsAnError() {
        assertThatThrownBy(
                        () -> AustraliaPostPayloads.read(
                                json(
                                        """
                        {"tracking_results": [{"tracking_id": "ABC123",
                          "errors": [{"code": "ESB-10001", "name": "Invalid tracking ID"}]}]}
                        """)))
                .hasMessage("Australia Post item ABC123: error ESB-10001 Invalid tracking ID");
    }

    @Test
    void australiaPostLocationsAreSplitIntoCityStateAndCountry() {
        CarrierReport report = AustraliaPostPayloads.read(
                        SamplePayloads.json("carriers/australiapost/australiapost__tracking_response.json"))
                .getFirst();
        assertThat(report.events())
                .extracting(CarrierEvent::location)
                .contains(
                        new EventLocation("ALEXANDRIA", "NSW", null, "AU"),
                        new EventLocation("SYDNEY", null, null, "AU"),
                        new EventLocation("JOHN F. KENNEDY APT/NEW YORK", null, null, "US"));
    }

    @Test
    void fedExRefusesAResponseWhoseOnlyResultIsNotFound() {
        assertThatThrownBy(
                        () -> FedExPayloads.read(
                                json(
                                        """
                        {"output": {"completeTrackResults": [{"trackingNumber": "39936862321", "trackResults": [
                          {"trackingNumberInfo": {"trackingNumber": "39936862321"},
                           "error": {"code": "TRACKING.TRACKINGNUMBER.NOTFOUND", "message": "Tracking number cannot be found."}}]}]}}
                        """)))
                .hasMessage("FedEx 39936862321: TRACKING.TRACKINGNUMBER.NOTFOUND Tracking number cannot be found.");
    }

    @Test
    void dhlRefusesAProblemDocument() {
        assertThatThrownBy(
                        () -> DhlPayloads.read(
                                json(
                                        "{\"title\": \"No result found\", \"status\": 404, \"detail\": \"No shipment with given tracking number found.\"}")))
                .hasMessage("DHL error 404 No result found: No shipment with given tracking number found.");
    }

    @Test
    void carrierSpecificCodesCountriesAndEstimatesFromTheSamples() {
        CarrierReport hermes = HermesPayloads.read(
                        SamplePayloads.json("carriers/hermes/hermes__tracking_response.json"))
                .getFirst();
        assertThat(hermes.carrierEstimate()).isEqualTo(LocalDate.of(2020, 6, 6));
        assertThat(hermes.events().getLast().location()).isEqualTo(new EventLocation("Hamburg", null, null, "DE"));

        CarrierEvent gls = GlsPayloads.read(SamplePayloads.json("carriers/gls/gls__tracking_response.json"))
                .getFirst()
                .events()
                .getFirst();
        assertThat(gls.code()).isEqualTo("INTIAL");
        assertThat(gls.detail()).isEqualTo("INTIAL.PREADVICE");

        CarrierEvent laPoste = LaPostePayloads.read(
                        SamplePayloads.json("carriers/laposte/laposte__tracking_response.json"))
                .getFirst()
                .events()
                .getLast();
        assertThat(laPoste.description()).isEqualTo("Votre colis est livré.");

        CarrierEvent fedEx = FedExPayloads.read(SamplePayloads.json("carriers/fedex/fedex__tracking_response.json"))
                .getFirst()
                .events()
                .getFirst();
        assertThat(fedEx.detail()).isEqualTo("PU");
        assertThat(fedEx.location()).isEqualTo(new EventLocation("SEATTLE", "WA", "98101", "US"));

        CarrierEvent sendle = SendlePayloads.read(
                        "S3ND73", SamplePayloads.json("carriers/sendle/sendle__tracking_response.json"))
                .getFirst()
                .events()
                .getFirst();
        assertThat(sendle.description())
                .isEqualTo("We attempted to pick up the parcel but were unsuccessful: Parcel not ready");
    }

    @Test
    void uspsPrefersGmtTimestampAndFallsBackToTheLocalTimeWithItsOffset() {
        List<CarrierReport> reports = UspsPayloads.read(
                json(
                        """
                {"trackingNumber": "94001", "trackingEvents": [
                  {"eventCode": "01", "eventTimestamp": "2024-11-22T13:58:00", "GMTTimestamp": "2024-11-22T18:58:40Z"},
                  {"eventCode": "OF", "eventTimestamp": "2024-11-22T09:10:00", "GMTOffset": "-5:00"},
                  {"eventCode": "07", "eventTimestamp": "2024-11-22T08:00:00", "eventState": "CA"}]}
                """));
        assertThat(reports.getFirst().events())
                .extracting(CarrierEvent::occurredAt)
                .containsExactly(
                        Instant.parse("2024-11-22T14:10:00Z"),
                        Instant.parse("2024-11-22T16:00:00Z"),
                        Instant.parse("2024-11-22T18:58:40Z"));
        assertThatThrownBy(() -> UspsPayloads.read(json("{\"trackingEvents\": []}")))
                .hasMessage("USPS tracking result has no trackingNumber");
    }

    private static JsonNode json(String text) {
        return SamplePayloads.JSON.readTree(text);
    }
}
