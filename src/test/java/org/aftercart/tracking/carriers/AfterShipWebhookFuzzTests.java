package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.CarrierPayloadContract.assertContract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The body of AfterShip's tracking webhook ({@code POST /webhooks/aftership}), seeded with AfterShip's own samples from the shared data folder. Coverage-guided fuzzing (docs/fuzzing.md) against {@link
 * CarrierPayloadContract}; inputs that once failed are kept in {@code AfterShipWebhookFuzzTestsInputs/}.
 */
class AfterShipWebhookFuzzTests {

    @MethodSource("afterShipSamples")
    @FuzzTest(maxDuration = "20s")
    void webhookBody(byte[] body) {
        assertContract(AfterShipPayloads::read, body, AfterShipPayloads.VOCABULARY);
    }

    static Stream<byte[]> afterShipSamples() {
        return CarrierPayloadContract.samples("aftership/");
    }
}
