package org.aftercart.returns;

/**
 * The seam where a prepaid label is asked for when a mail return is approved. The labels
 * sub-package ({@code CarrierLabels}) provides the implementation; once it has the label's carrier
 * and tracking number it calls {@link Returns#attachParcel}, and tracking takes over from there.
 */
interface PrepaidLabels {

    void requestFor(ReturnView approved);
}
