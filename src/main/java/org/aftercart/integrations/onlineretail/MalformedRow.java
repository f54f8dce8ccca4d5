package org.aftercart.integrations.onlineretail;

/** A line of the file that cannot be read as an invoice line. */
public class MalformedRow extends RuntimeException {

    public MalformedRow(long lineNumber, String problem) {
        super("Line " + lineNumber + ": " + problem);
    }
}
