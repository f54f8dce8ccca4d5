package org.aftercart.conversations;

/** Something said in an existing conversation. */
public record NewEntry(EntryDirection direction, String text, String author) {}
