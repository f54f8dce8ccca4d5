package org.aftercart.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Streams rows into PostgreSQL's {@code COPY ... FROM STDIN (format binary)} on the caller's
 * connection. Each value goes in the server's own binary form, which spares the server parsing
 * text: worth it for the largest loads. Every row must give exactly one value per column, in the
 * order of the columns and with the method matching the column's type ({@code uuid}, {@code int},
 * {@code text}, {@code numeric}). Call {@link #finish()} to end the copy; closing an unfinished
 * writer cancels it.
 */
public final class BinaryCopyWriter extends CopyStream {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int NUMERIC_POSITIVE = 0x0000;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final int columns;
    private final Map<BigDecimal, byte[]> numerics = new HashMap<>();
    private int column;

    private BinaryCopyWriter(Connection connection, String statement, int columns) {
        super(connection, statement);
        this.columns = columns;
        for (byte b : SIGNATURE) {
            put(b);
        }
        putInt(0); // flags
        putInt(0); // header extension length
    }

    /** Starts {@code COPY table (columns) FROM STDIN (format binary)} on this connection. */
    public static BinaryCopyWriter open(Connection connection, String table, String... columns) {
        return new BinaryCopyWriter(
                connection,
                "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)",
                columns.length);
    }

    public BinaryCopyWriter uuid(UUID value) {
        field(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    public BinaryCopyWriter int4(int value) {
        field(4);
        putInt(value);
        return this;
    }

    /** Text as UTF-8; an unpaired surrogate becomes {@code ?}. */
    public BinaryCopyWriter text(String value) {
        int encoded = utf8Length(value);
        field(encoded);
        if (encoded > BUFFER_SIZE) {
            putBytes(value.getBytes(StandardCharsets.UTF_8)); // unpaired surrogates become '?' here too
        } else {
            ensure(encoded);
            if (encoded == value.length()) {
                for (int i = 0; i < encoded; i++) {
                    buffer[length++] = (byte) value.charAt(i);
                }
            } else {
                putUtf8(value);
            }
        }
        return this;
    }

    /** A decimal; the column's own precision and scale apply as for any other input. */
    public BinaryCopyWriter numeric(BigDecimal value) {
        byte[] encoded = numerics.computeIfAbsent(value, BinaryCopyWriter::encodeNumeric);
        field(encoded.length);
        putBytes(encoded);
        return this;
    }

    public BinaryCopyWriter nullValue() {
        startField();
        putInt(-1);
        return this;
    }

    public void endRow() {
        if (column != columns) {
            throw new IllegalStateException(
                    "Row " + (rows + 1) + " has " + column + " values for " + columns + " columns of " + statement);
        }
        column = 0;
        rows++;
    }

    /** The trailer; a row left unfinished is a mistake of the caller's. */
    @Override
    void beforeFinish() {
        if (column != 0) {
            throw new IllegalStateException("The last row of " + statement + " is not ended");
        }
        putShort(-1);
    }

    /** PostgreSQL's numeric_send: base-10000 digits, the weight of the first, sign, display scale. */
    static byte[] encodeNumeric(BigDecimal value) {
        BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
        int scale = plain.scale();
        // Shift the unscaled value so that the fraction fills whole base-10000 digits.
        int fractionDigits = (scale + 3) / 4;
        BigInteger unscaled = plain.unscaledValue().abs().multiply(BigInteger.TEN.pow(fractionDigits * 4 - scale));
        ArrayDeque<Integer> digits = new ArrayDeque<>();
        while (unscaled.signum() > 0) {
            BigInteger[] divided = unscaled.divideAndRemainder(TEN_THOUSAND);
            digits.addFirst(divided[1].intValue());
            unscaled = divided[0];
        }
        int weight = digits.size() - fractionDigits - 1;
        while (!digits.isEmpty() && digits.peekLast() == 0) {
            digits.removeLast();
        }
        // Leading zero digits cannot occur: the conversion above stops at the first non-zero.
        int count = digits.size();
        byte[] encoded = new byte[8 + 2 * count];
        int sign = plain.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
        if (count == 0) {
            weight = 0;
            sign = NUMERIC_POSITIVE;
        }
        int[] header = {count, weight, sign, scale};
        int at = 0;
        for (int part : header) {
            encoded[at++] = (byte) (part >> 8);
            encoded[at++] = (byte) part;
        }
        for (int digit : digits) {
            encoded[at++] = (byte) (digit >> 8);
            encoded[at++] = (byte) digit;
        }
        return encoded;
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Writes the UTF-8 form of a text that fits in the buffer, which has room for it. */
    private void putUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[length++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer[length++] = '?';
            } else {
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void field(int size) {
        startField();
        putInt(size);
    }

    private void startField() {
        if (column == columns) {
            throw new IllegalStateException(
                    "Row " + (rows + 1) + " has more than " + columns + " values for " + statement);
        }
        if (column == 0) {
            putShort(columns);
        }
        column++;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >> 24);
        buffer[length++] = (byte) (value >> 16);
        buffer[length++] = (byte) (value >> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >> 32));
        putInt((int) value);
    }
}
