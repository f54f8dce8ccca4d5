package org.aftercart.integrations.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link BusinessEvent} into a CloudEvent 1.0 whose data is the versioned JSON payload.
 *
 * <p>The id is a name-based UUID (RFC 9562 version 5) of the type, the key and the data: the same
 * for every attempt to send one publication (a retry, a resubmission after an outage, another
 * instance), so consumers drop duplicates by id. Spring Modulith does not hand the publication's
 * own id to an externalizer; the data of every published type carries its own identity (order and
 * version, parcel, status and time, transaction, message…), so two different facts never share an
 * id.
 */
final class CloudEventEncoder {

    static final String CONTENT_TYPE = "application/json";

    /** The namespace of the ids, fixed for ever: changing it would change every id. */
    private static final UUID ID_NAMESPACE = UUID.fromString("6d3e5b0a-2f1c-5b7e-9a41-0c8f4e2d7a19");

    /** The contract's own JSON settings, independent of the web API's. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEventEncoder() {}

    static CloudEvent encode(BusinessEvent event) {
        byte[] data = JSON.writeValueAsBytes(event.data());
        return CloudEventBuilder.v1()
                .withId(idOf(event.type(), event.key(), data).toString())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withDataContentType(CONTENT_TYPE)
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withData(data)
                .build();
    }

    static UUID idOf(String type, String key, byte[] data) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(ID_NAMESPACE.getMostSignificantBits())
                    .putLong(ID_NAMESPACE.getLeastSignificantBits())
                    .array());
            sha1.update((type + '\n' + key + '\n').getBytes(StandardCharsets.UTF_8));
            sha1.update(data);
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
