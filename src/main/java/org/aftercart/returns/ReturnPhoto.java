package org.aftercart.returns;

/** A stored photo of a returned item, as it was uploaded (its type decided by its bytes). */
public record ReturnPhoto(String contentType, byte[] bytes) {}
