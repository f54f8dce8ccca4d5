package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.CarrierPayloadContract.assertContract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The body of EasyPost's tracking webhook ({@code POST /webhooks/easypost}), seeded with EasyPost's own samples from the shared data folder. Coverage-guided fuzzing (docs/fuzzing.md) against {@link
 * CarrierPayloadContract}; inputs that once failed are kept in {@code EasyPostWebhookFuzzTestsInputs/}.
 */
class EasyPostWebhookFuzzTests {

    @MethodSource("easyPostSamples")
    @FuzzTest(maxDuration = "20s")
    void webhookBody(byte[] body) {
        assertContract(EasyPostPayloads::read, body, EasyPostPayloads.VOCABULARY);
    }

    static Stream<byte[]> easyPostSamples() {
        return CarrierPayloadContract.samples("easypost/");
    }
}
