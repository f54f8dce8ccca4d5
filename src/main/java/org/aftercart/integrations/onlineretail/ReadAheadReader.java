package org.aftercart.integrations.onlineretail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The UTF-8 text of a stream, decoded (and, for a gzip stream, inflated) on a thread of its own a
 * few chunks ahead of the reader, so that the caller parses while the next chunks are prepared. A
 * byte order mark at the start is left out. Closing stops the thread but leaves the stream open.
 */
final class ReadAheadReader extends Reader {

    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS_AHEAD = 8;
    private static final char[] END = new char[0];

    private final BlockingQueue<char[]> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread producer;
    private volatile @Nullable IOException failure;
    private char[] current = new char[0];
    private int position;
    private boolean ended;

    private ReadAheadReader(InputStream data) {
        producer = Thread.ofPlatform()
                .name("online-retail-read-ahead")
                .daemon()
                .unstarted(() -> produce(new InputStreamReader(data, StandardCharsets.UTF_8)));
    }

    static ReadAheadReader start(InputStream data) {
        ReadAheadReader reader = new ReadAheadReader(data);
        reader.producer.start();
        return reader;
    }

    private void produce(Reader text) {
        try {
            boolean first = true;
            while (true) {
                char[] chunk = new char[CHUNK];
                int length = text.read(chunk, 0, CHUNK);
                if (length < 0) {
                    break;
                }
                int from = first && length > 0 && chunk[0] == '\uFEFF' ? 1 : 0;
                first = false;
                if (from == 0 && length == CHUNK) {
                    chunks.put(chunk);
                } else if (length > from) {
                    char[] part = new char[length - from];
                    System.arraycopy(chunk, from, part, 0, part.length);
                    chunks.put(part);
                }
            }
            chunks.put(END);
        } catch (IOException e) {
            failure = e;
            chunks.offer(END);
        } catch (InterruptedException e) {
            // closed before the end: stop reading
        }
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading ahead");
            }
            position = 0;
            if (current == END) {
                ended = true;
                IOException failed = failure;
                if (failed != null) {
                    throw failed;
                }
            }
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}
