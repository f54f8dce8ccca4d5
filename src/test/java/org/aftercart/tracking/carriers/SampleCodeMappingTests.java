package org.aftercart.tracking.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.BuiltInStatusMappings;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.TrackingStatus;
import org.junit.jupiter.api.Test;

/** Every carrier code in the sample payloads has a row in the built-in mapping table. */
class SampleCodeMappingTests {

    /** The USPS sample's second result is the schema's filler ("string" everywhere), not a real code. */
    private static final String USPS_FILLER = "string";

    private final BuiltInStatusMappings mappings = BuiltInStatusMappings.load();

    @Test
    void everyCodeInTheSamplesIsMapped() {
        List<String> unmapped = new ArrayList<>();
        int checked = 0;
        for (String file : SamplePayloads.files()) {
            var source = SamplePayloads.source(file);
            for (var body : SamplePayloads.bodies(file)) {
                List<CarrierReport> reports;
                try {
                    reports = source.parser().apply(body.json());
                } catch (UnreadablePayload refused) {
                    continue; // the contract test covers refusals
                }
                for (CarrierReport report : reports) {
                    for (CarrierEvent event : report.events()) {
                        if (report.vocabulary().equals("canonical")
                                || event.code().equals(USPS_FILLER)) {
                            continue;
                        }
                        checked++;
                        if (mappings.find(report.vocabulary(), event.code(), event.detail())
                                        .isEmpty()
                                && mappings.find(report.vocabulary(), event.code(), null)
                                        .isEmpty()) {
                            unmapped.add(
                                    report.vocabulary() + " " + event.code() + " / " + event.detail() + " in " + file);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void theDomainTableIsHonoured() {
        assertThat(mappings.find("aftership", "Exception", "Exception_010"))
                .contains(TrackingStatus.RETURNING_TO_SENDER);
        assertThat(mappings.find("aftership", "Exception", "Exception_020")).contains(TrackingStatus.CANCELLED);
        assertThat(mappings.find("aftership", "Exception", "Exception_004")).contains(TrackingStatus.DELAYED);
        assertThat(mappings.find("easypost", "return_to_sender", null)).contains(TrackingStatus.RETURNING_TO_SENDER);
        assertThat(mappings.find("easypost", "available_for_pickup", null)).contains(TrackingStatus.READY_FOR_PICKUP);
        assertThat(mappings.find("ups", "D", null)).contains(TrackingStatus.DELIVERED);
        assertThat(mappings.find("laposte", "DI1", null)).contains(TrackingStatus.DELIVERED);
        assertThat(mappings.find("hermes", "3000", null)).contains(TrackingStatus.OUT_FOR_DELIVERY);
    }
}
