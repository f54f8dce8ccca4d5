package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.CarrierPayloadContract.assertContract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.aftercart.tracking.CarrierReport;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The carriers' own tracking responses (UPS, USPS, FedEx, DHL, MyDHL, Australia Post, La Poste,
 * Sendle, GLS, Hermes), seeded with each carrier's sample from the shared data folder.
 * Coverage-guided fuzzing (docs/fuzzing.md) against {@link CarrierPayloadContract}; inputs that once
 * failed are kept in {@code CarrierResponsesFuzzTestsInputs/}.
 */
class CarrierResponsesFuzzTests {

    /**
     * Every other carrier's tracking response: the first byte chooses the parser, the rest is the
     * body, so that one campaign covers all ten.
     */
    @MethodSource("carrierSamples")
    @FuzzTest(maxDuration = "20s")
    void responseBody(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Carrier carrier = Carrier.values()[Byte.toUnsignedInt(input[0]) % Carrier.values().length];
        assertContract(carrier.parser, Arrays.copyOfRange(input, 1, input.length), carrier.vocabulary);
    }

    /** The parsers of the carriers' own tracking APIs, in the order the seeds name them. */
    enum Carrier {
        UPS("ups", UpsPayloads.VOCABULARY, UpsPayloads::read),
        USPS("usps", UspsPayloads.VOCABULARY, UspsPayloads::read),
        FEDEX("fedex", FedExPayloads.VOCABULARY, FedExPayloads::read),
        DHL("dhl/dhl_universal", DhlPayloads.VOCABULARY, DhlPayloads::read),
        MYDHL("dhl/mydhl", MyDhlPayloads.VOCABULARY, MyDhlPayloads::read),
        AUSTRALIAPOST("australiapost", AustraliaPostPayloads.VOCABULARY, AustraliaPostPayloads::read),
        LAPOSTE("laposte", LaPostePayloads.VOCABULARY, LaPostePayloads::read),
        SENDLE("sendle", SendlePayloads.VOCABULARY, body -> SendlePayloads.read(SamplePayloads.SENDLE_REFERENCE, body)),
        GLS("gls", GlsPayloads.VOCABULARY, GlsPayloads::read),
        HERMES("hermes", HermesPayloads.VOCABULARY, HermesPayloads::read);

        /** Where its samples are, under payloads/carriers/. */
        final String samples;

        final String vocabulary;
        final Function<byte[], List<CarrierReport>> parser;

        Carrier(String samples, String vocabulary, Function<byte[], List<CarrierReport>> parser) {
            this.samples = samples;
            this.vocabulary = vocabulary;
            this.parser = parser;
        }
    }

    /** Each carrier's sample, behind the byte that picks its parser. */
    static Stream<byte[]> carrierSamples() {
        return Arrays.stream(Carrier.values())
                .flatMap(carrier -> CarrierPayloadContract.samples("carriers/" + carrier.samples)
                        .map(body -> {
                            byte[] input = new byte[body.length + 1];
                            input[0] = (byte) carrier.ordinal();
                            System.arraycopy(body, 0, input, 1, body.length);
                            return input;
                        }));
    }
}
