/**
 * Return labels and drop-off codes: the {@link org.aftercart.returns.labels.CarrierLabels} port
 * that carrier adapters implement, the built-in printable label (PDF with a Code 128 barcode and a
 * QR code) used until a carrier is connected, and the QR codes customers show when they drop a
 * return off or bring it to a store.
 */
@NullMarked
package org.aftercart.returns.labels;

import org.jspecify.annotations.NullMarked;
