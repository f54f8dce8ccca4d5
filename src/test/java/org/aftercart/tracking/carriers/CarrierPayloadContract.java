package org.aftercart.tracking.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;

/**
 * What the fuzz tests of the carrier parsers (docs/fuzzing.md) hold every parser to, and their seeds.
 * A parser returns well-formed reports or refuses with {@link UnreadablePayload}, which the web layer
 * answers with a 4xx problem; any other exception, a hang or running out of memory is a finding.
 */
final class CarrierPayloadContract {

    private CarrierPayloadContract() {}

    static void assertContract(Function<byte[], List<CarrierReport>> parser, byte[] body, String vocabulary) {
        List<CarrierReport> reports;
        try {
            reports = parser.apply(body);
        } catch (UnreadablePayload refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(reports).isNotNull().doesNotContainNull();
        for (CarrierReport report : reports) {
            assertThat(report.vocabulary()).isEqualTo(vocabulary);
            assertThat(report.carrier()).isNotBlank();
            assertThat(report.trackingNumber()).isNotBlank();
            assertThat(report.events()).doesNotContainNull();
            CarrierEvent previous = null;
            for (CarrierEvent event : report.events()) {
                assertThat(event.occurredAt()).isNotNull();
                assertThat(event.code()).isNotBlank();
                if (previous != null) {
                    assertThat(event.occurredAt()).isAfterOrEqualTo(previous.occurredAt());
                }
                previous = event;
            }
        }
    }

    /** The bodies of the shared sample files under a folder (each response of a recorded cassette). */
    static Stream<byte[]> samples(String folder) {
        return SamplePayloads.files().stream()
                .filter(file -> file.startsWith(folder))
                .flatMap(file -> SamplePayloads.bodies(file).stream())
                .map(body -> SamplePayloads.JSON.writeValueAsBytes(body.json()));
    }
}
