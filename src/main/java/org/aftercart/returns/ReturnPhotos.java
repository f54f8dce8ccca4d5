package org.aftercart.returns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Photos of returned items. The type is decided by the file's first bytes (JPEG, PNG, WebP), never
 * by what the client says; a photo is uploaded first and then attached to an item by the request
 * that names it, or uploaded for an item of an existing return.
 */
@Repository
class ReturnPhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_ITEM = 5;

    private final JdbcClient jdbc;

    ReturnPhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a photo, attached to an item or not yet; refuses anything but a JPEG, PNG or WebP image of at most 5 MB. */
    UUID store(byte[] bytes, @Nullable UUID returnId, @Nullable UUID itemId) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new ReturnRefused("photo-size", "A photo has 1 byte to 5 MB, this one " + bytes.length + " bytes");
        }
        String type = contentType(bytes)
                .orElseThrow(() -> new ReturnRefused("photo-type", "A photo must be a JPEG, PNG or WebP image"));
        if (itemId != null && countOf(itemId) >= MAX_PER_ITEM) {
            throw new ReturnRefused("photo-count", "An item has at most " + MAX_PER_ITEM + " photos");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into returns.photos (id, return_id, item_id, content_type, bytes) values (?, ?, ?, ?, ?)")
                .params(id, returnId, itemId, type, bytes)
                .update();
        return id;
    }

    /** Attaches uploaded photos to an item; refuses unknown ones, ones already attached, and more than 5. */
    void attach(List<UUID> photoIds, UUID returnId, UUID itemId) {
        if (photoIds.isEmpty()) {
            return;
        }
        if (photoIds.size() > MAX_PER_ITEM) {
            throw new ReturnRefused("photo-count", "An item has at most " + MAX_PER_ITEM + " photos");
        }
        int attached = jdbc.sql(
                        "update returns.photos set return_id = ?, item_id = ? where id = any(?) and item_id is null")
                .params(returnId, itemId, photoIds.stream().distinct().toArray(UUID[]::new))
                .update();
        if (attached != photoIds.stream().distinct().count()) {
            throw new ReturnRefused("unknown-photo", "Some photo ids are unknown or already attached: " + photoIds);
        }
    }

    record Photo(String contentType, byte[] bytes) {}

    Optional<Photo> find(UUID id) {
        return jdbc.sql("select content_type, bytes from returns.photos where id = ?")
                .param(id)
                .query((rs, row) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes")))
                .optional();
    }

    /** The photos of a return, by item, oldest first. */
    Map<UUID, List<UUID>> idsByItem(UUID returnId) {
        Map<UUID, List<UUID>> byItem = new LinkedHashMap<>();
        jdbc.sql("select id, item_id from returns.photos where return_id = ? and item_id is not null"
                        + " order by created_at, id")
                .param(returnId)
                .query(rs -> {
                    byItem.computeIfAbsent(rs.getObject("item_id", UUID.class), item -> new ArrayList<>())
                            .add(rs.getObject("id", UUID.class));
                });
        return byItem;
    }

    /** A photo of this return. */
    Optional<ReturnPhoto> find(UUID id, UUID returnId) {
        return jdbc.sql("select content_type, bytes from returns.photos where id = ? and return_id = ?")
                .params(id, returnId)
                .query((rs, row) -> new ReturnPhoto(rs.getString("content_type"), rs.getBytes("bytes")))
                .optional();
    }

    private int countOf(UUID itemId) {
        return jdbc.sql("select count(*) from returns.photos where item_id = ?")
                .param(itemId)
                .query(Integer.class)
                .single();
    }

    static Optional<String> contentType(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        byte[] expected = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            expected[i] = (byte) magic[i];
        }
        return Arrays.equals(bytes, offset, offset + magic.length, expected, 0, magic.length);
    }
}
