package org.aftercart.platform;

import java.sql.Connection;
import org.jspecify.annotations.Nullable;

/**
 * Streams rows into PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the caller's
 * connection, the fastest way to fill a staging table. Values are escaped here and sent as UTF-8;
 * {@code null} becomes {@code \N}. Call {@link #finish()} to end the copy; closing an unfinished
 * writer cancels it.
 */
public final class CopyWriter extends CopyStream {

    private boolean rowStarted;

    private CopyWriter(Connection connection, String statement) {
        super(connection, statement);
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on this connection. */
    public static CopyWriter open(Connection connection, String table, String... columns) {
        return new CopyWriter(connection, "copy " + table + " (" + String.join(", ", columns) + ") from stdin");
    }

    /** The next column of the current row; {@code null} is SQL NULL, anything else its {@code toString()}. */
    public CopyWriter value(@Nullable Object value) {
        separate();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof java.math.BigDecimal decimal) {
            escaped(decimal.toPlainString());
        } else {
            escaped(value.toString());
        }
        return this;
    }

    public CopyWriter value(long value) {
        separate();
        escaped(Long.toString(value));
        return this;
    }

    public void endRow() {
        put((byte) '\n');
        rowStarted = false;
        rows++;
    }

    private void separate() {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void escaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> {
                    put((byte) '\\');
                    put((byte) '\\');
                }
                case '\t' -> {
                    put((byte) '\\');
                    put((byte) 't');
                }
                case '\n' -> {
                    put((byte) '\\');
                    put((byte) 'n');
                }
                case '\r' -> {
                    put((byte) '\\');
                    put((byte) 'r');
                }
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else if (c < 0x800) {
                        put((byte) (0xC0 | (c >> 6)));
                        put((byte) (0x80 | (c & 0x3F)));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(++i));
                        put((byte) (0xF0 | (codePoint >> 18)));
                        put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
                        put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
                        put((byte) (0x80 | (codePoint & 0x3F)));
                    } else if (Character.isSurrogate(c)) {
                        put((byte) '?');
                    } else {
                        put((byte) (0xE0 | (c >> 12)));
                        put((byte) (0x80 | ((c >> 6) & 0x3F)));
                        put((byte) (0x80 | (c & 0x3F)));
                    }
                }
            }
        }
    }
}
