package org.aftercart.returns.labels;

/**
 * The port through which a return gets its shipping label. A carrier adapter buys a prepaid label
 * from its carrier; until one is connected, {@link PrintableReturnLabels} draws a label the
 * customer prints and takes to any carrier. Implementations are Spring beans; the built-in one
 * steps aside as soon as another implementation is present.
 */
public interface CarrierLabels {

    /** The name this implementation is known by, in settings and on the labels it makes. */
    String name();

    /**
     * Makes the label for one return. Calling it again for the same return makes the same label
     * for the built-in implementation; a carrier adapter may buy a new one, so callers keep the
     * label they got.
     *
     * @throws IllegalArgumentException when the request cannot be put on a label
     */
    ReturnLabel createLabel(LabelRequest request);
}
