package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.CarrierPayloadContract.assertContract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The body of the generic tracking intake ({@code POST /api/v1/tracking-events}), seeded with parcels in its documented shape. Coverage-guided fuzzing (docs/fuzzing.md) against {@link
 * CarrierPayloadContract}; inputs that once failed are kept in {@code GenericTrackingIntakeFuzzTestsInputs/}.
 */
class GenericTrackingIntakeFuzzTests {

    @MethodSource("parcels")
    @FuzzTest(maxDuration = "20s")
    void requestBody(byte[] body) {
        assertContract(CanonicalPayloads::read, body, CanonicalPayloads.VOCABULARY);
    }

    static Stream<byte[]> parcels() {
        String parcel =
                """
                {"carrier": "Royal Mail", "trackingNumber": "AB123456789GB", "estimatedDelivery": "2026-11-30",
                 "events": [{"occurredAt": "2026-11-23T10:00:00Z", "status": "IN_TRANSIT", "detail": "HUB_SCAN",
                   "description": "Arrived at the hub",
                   "location": {"city": "Leeds", "region": "West Yorkshire", "postcode": "LS1 4DY", "country": "GB"}},
                  {"occurredAt": "2026-11-24T08:30:00+01:00", "status": "DELIVERED"}]}
                """;
        return Stream.of(
                parcel.getBytes(StandardCharsets.UTF_8),
                ("[" + parcel + "," + parcel + "]").getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8));
    }
}
