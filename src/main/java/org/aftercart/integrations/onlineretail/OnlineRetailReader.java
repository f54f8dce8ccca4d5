package org.aftercart.integrations.onlineretail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;

/** Reads the Online Retail CSV, plain or gzip-compressed, into an {@link OnlineRetailBook}. */
public final class OnlineRetailReader {

    private static final int BUFFER_SIZE = 1 << 16;

    private OnlineRetailReader() {}

    /**
     * Reads the whole stream; does not close it. Inflating and decoding run on a second thread,
     * ahead of the parsing.
     */
    public static OnlineRetailBook read(InputStream data) throws IOException {
        try (ReadAheadReader text = ReadAheadReader.start(decompressed(data))) {
            return read(text);
        } catch (UncheckedIOException e) {
            // FastCSV wraps what the stream throws (a corrupt gzip trailer, say): the caller is told
            // of an IOException, as declared (found by fuzzing).
            throw described(e.getCause());
        } catch (IOException e) {
            throw described(e);
        }
    }

    /**
     * The JDK's gzip reader says nothing when a header ends early (an EOFException without a message,
     * found by fuzzing); whoever runs the import must still read why the file was refused.
     */
    private static IOException described(IOException e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e;
        }
        return new IOException(
                "The compressed file ends early or is corrupt (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * A row whose quoting is broken refuses the whole file: from there on the reader can no longer
     * tell where rows end (one stray quote can swallow thousands of lines), so skipping "the row"
     * could silently drop many (found by fuzzing).
     */
    private static OnlineRetailBook read(Reader text) {
        try {
            return readRecords(text);
        } catch (CsvParseException e) {
            // Not chained: the import command prints the deepest cause, which lacks the line number.
            String reason = e.getCause() != null ? e.getCause().getMessage() : null;
            throw new IllegalArgumentException(
                    "Not valid CSV: " + e.getMessage() + (reason != null ? " (" + reason + ")" : ""));
        }
    }

    private static OnlineRetailBook readRecords(Reader text) {
        OnlineRetailParser parser = new OnlineRetailParser();
        OnlineRetailBook book = new OnlineRetailBook();
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text);
        Iterator<CsvRecord> records = csv.iterator();
        if (!records.hasNext()) {
            throw new IllegalArgumentException(
                    "The file is empty; expected a header " + String.join(",", OnlineRetailParser.HEADER));
        }
        var header = records.next().getFields();
        if (!header.equals(OnlineRetailParser.HEADER)) {
            throw new IllegalArgumentException("Not an Online Retail file: the header is " + String.join(",", header)
                    + ", expected " + String.join(",", OnlineRetailParser.HEADER));
        }
        while (records.hasNext()) {
            CsvRecord record = records.next();
            try {
                book.add(parser.parse(record.getStartingLineNumber(), record.getFields()));
            } catch (MalformedRow e) {
                book.addMalformed(e.getMessage());
            }
        }
        return book;
    }

    /** The stream itself, or its content when it starts with the gzip magic number. */
    static InputStream decompressed(InputStream data) throws IOException {
        InputStream buffered = new BufferedInputStream(data, BUFFER_SIZE);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(buffered, BUFFER_SIZE) : buffered;
    }
}
