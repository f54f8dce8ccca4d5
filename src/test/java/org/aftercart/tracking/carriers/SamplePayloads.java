package org.aftercart.tracking.carriers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.aftercart.tracking.CarrierReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared sample payloads (system property {@code aftercart.shared-data}, set by the build) that
 * the carrier parsers read: every JSON file under {@code payloads/easypost}, {@code
 * payloads/aftership} and {@code payloads/carriers}, and the parser each goes to.
 */
final class SamplePayloads {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> FOLDERS = List.of("easypost", "aftership", "carriers");

    /** Sendle's body does not name the parcel; the contract test asks about this reference. */
    static final String SENDLE_REFERENCE = "S3ND73";

    private SamplePayloads() {}

    /** A parser and the vocabulary its reports must name. */
    record Source(String vocabulary, Function<JsonNode, List<CarrierReport>> parser) {}

    /** One body to parse: the file itself, or one recorded response of a cassette file. */
    record Body(String label, JsonNode json) {}

    static Path root() {
        return Path.of(System.getProperty("aftercart.shared-data", "../shared/data"), "payloads");
    }

    /** Every .json file under the three folders, as a path relative to payloads/ with forward slashes. */
    static List<String> files() {
        List<String> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
                walk.filter(Files::isRegularFile)
                        .filter(path -> path.getFileName().toString().endsWith(".json"))
                        .map(path -> root().relativize(path).toString().replace('\\', '/'))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return files;
    }

    static JsonNode json(String file) {
        try {
            return JSON.readTree(Files.readAllBytes(root().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bodies of a file: a converted VCR cassette ({@code {"source", "interactions": [{"request",
     * "response": {"status", "body"}}]}}) gives each response body, in order; any other file is one
     * body.
     */
    static List<Body> bodies(String file) {
        JsonNode root = json(file);
        if (!root.path("interactions").isArray() || !root.has("source")) {
            return List.of(new Body(file, root));
        }
        List<Body> bodies = new ArrayList<>();
        int index = 0;
        for (JsonNode interaction : root.path("interactions")) {
            JsonNode request = interaction.path("request");
            JsonNode response = interaction.path("response");
            bodies.add(new Body(
                    file + " #" + index++ + " " + request.path("method").asString("") + " "
                            + request.path("uri").asString("") + " -> "
                            + response.path("status").asString(""),
                    response.path("body")));
        }
        return bodies;
    }

    /** The parser for a file, chosen by its folder (and, for DHL, its name). */
    static Source source(String file) {
        String[] parts = file.split("/");
        return switch (parts[0]) {
            case "easypost" -> new Source(EasyPostPayloads.VOCABULARY, EasyPostPayloads::read);
            case "aftership" -> new Source(AfterShipPayloads.VOCABULARY, AfterShipPayloads::read);
            case "carriers" ->
                switch (parts[1]) {
                    case "ups" -> new Source(UpsPayloads.VOCABULARY, UpsPayloads::read);
                    case "usps" -> new Source(UspsPayloads.VOCABULARY, UspsPayloads::read);
                    case "fedex" -> new Source(FedExPayloads.VOCABULARY, FedExPayloads::read);
                    case "dhl" ->
                        parts[2].startsWith("mydhl")
                                ? new Source(MyDhlPayloads.VOCABULARY, MyDhlPayloads::read)
                                : new Source(DhlPayloads.VOCABULARY, DhlPayloads::read);
                    case "australiapost" -> new Source(AustraliaPostPayloads.VOCABULARY, AustraliaPostPayloads::read);
                    case "laposte" -> new Source(LaPostePayloads.VOCABULARY, LaPostePayloads::read);
                    case "sendle" ->
                        new Source(SendlePayloads.VOCABULARY, json -> SendlePayloads.read(SENDLE_REFERENCE, json));
                    case "gls" -> new Source(GlsPayloads.VOCABULARY, GlsPayloads::read);
                    case "hermes" -> new Source(HermesPayloads.VOCABULARY, HermesPayloads::read);
                    default -> throw new IllegalArgumentException("No parser for the carrier folder of " + file);
                };
            default -> throw new IllegalArgumentException("No parser for " + file);
        };
    }
}
