package org.aftercart.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Streams rows into PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the caller's
 * connection, the fastest way to fill a staging table. Values are escaped here and sent as UTF-8;
 * {@code null} becomes {@code \N}. Call {@link #finish()} to end the copy; closing an unfinished
 * writer cancels it.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final CopyIn copy;
    private final String statement;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int length;
    private boolean rowStarted;
    private long rows;

    private CopyWriter(CopyIn copy, String statement) {
        this.copy = copy;
        this.statement = statement;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on this connection. */
    public static CopyWriter open(Connection connection, String table, String... columns) {
        String statement = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        try {
            return new CopyWriter(
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement), statement);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        }
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

    /** Sends what is left and ends the copy; returns the number of rows PostgreSQL took. */
    public long finish() {
        try {
            flush();
            long copied = copy.endCopy();
            return copied >= 0 ? copied : rows;
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        }
    }

    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction fails anyway; the original error is the one worth reporting
            }
        }
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

    private void put(byte b) {
        if (length == BUFFER_SIZE) {
            flush();
        }
        buffer[length++] = b;
    }

    private void flush() {
        if (length == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        }
    }
}
