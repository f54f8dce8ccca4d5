package org.aftercart.returns.labels;

import java.util.Arrays;
import java.util.Objects;

/**
 * A label ready to print or to attach to a message.
 *
 * @param carrierName the {@link CarrierLabels#name() name} of the implementation that made it
 * @param trackingNumber the number the parcel is followed by; for {@link PrintableReturnLabels} a
 *     reference of Aftercart's own, not a carrier's
 * @param pdf the label document, in {@code mediaType} (a PDF for every implementation so far)
 * @param mediaType the document's media type, {@value #PDF}
 */
public record ReturnLabel(String carrierName, String trackingNumber, byte[] pdf, String mediaType) {

    public static final String PDF = "application/pdf";

    public ReturnLabel {
        Objects.requireNonNull(carrierName, "carrierName");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(mediaType, "mediaType");
        pdf = pdf.clone();
    }

    /** A copy of the document, so the label cannot be changed through it. */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnLabel label
                && carrierName.equals(label.carrierName)
                && trackingNumber.equals(label.trackingNumber)
                && Arrays.equals(pdf, label.pdf)
                && mediaType.equals(label.mediaType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(carrierName, trackingNumber, Arrays.hashCode(pdf), mediaType);
    }

    @Override
    public String toString() {
        return "ReturnLabel[carrierName=" + carrierName + ", trackingNumber=" + trackingNumber + ", mediaType="
                + mediaType + ", " + pdf.length + " bytes]";
    }
}
