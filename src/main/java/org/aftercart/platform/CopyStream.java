package org.aftercart.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * A {@code COPY ... FROM STDIN} on the caller's connection, fed through one 64 KiB buffer: what the
 * text and the binary writers share. Call {@link #finish()} to end the copy; closing an unfinished
 * one cancels it.
 */
abstract sealed class CopyStream implements AutoCloseable permits CopyWriter, BinaryCopyWriter {

    static final int BUFFER_SIZE = 1 << 16;

    final String statement;
    final byte[] buffer = new byte[BUFFER_SIZE];
    int length;
    long rows;
    private final CopyIn copy;

    CopyStream(Connection connection, String statement) {
        this.statement = statement;
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        }
    }

    /** Sends what is left and ends the copy; returns the number of rows PostgreSQL took. */
    public long finish() {
        beforeFinish();
        try {
            flush();
            long copied = copy.endCopy();
            return copied >= 0 ? copied : rows;
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        }
    }

    /** What the format needs written (or checked) before the copy ends. */
    void beforeFinish() {}

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

    final void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    final void putBytes(byte[] bytes) {
        int at = 0;
        while (at < bytes.length) {
            if (length == BUFFER_SIZE) {
                flush();
            }
            int chunk = Math.min(bytes.length - at, BUFFER_SIZE - length);
            System.arraycopy(bytes, at, buffer, length, chunk);
            length += chunk;
            at += chunk;
        }
    }

    /** Makes room for this many bytes, up to the size of the buffer. */
    final void ensure(int bytes) {
        if (length + Math.min(bytes, BUFFER_SIZE) > BUFFER_SIZE) {
            flush();
        }
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
