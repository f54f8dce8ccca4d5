package org.aftercart.shared;

import java.util.List;
import java.util.UUID;

/**
 * What one module holds about a customer, for the customer's right of access and right to erasure.
 * Every module that keeps personal data has one bean implementing this; the privacy module
 * collects them all, so no module needs to know the others (docs/adr/0021-personal-data.md).
 */
public interface PersonalData {

    /** The module's name: the key of its section in the export and in the erasure record. */
    String section();

    /**
     * Everything the module holds about the customer, as one JSON object (documented in
     * docs/privacy.md); an object with empty lists when it holds nothing.
     */
    String export(UUID customerId);

    /**
     * Why the customer's data cannot be erased yet, each a sentence for the customer or an agent
     * (e.g. a return awaiting its refund); empty when it can.
     */
    List<String> erasureBlockers(UUID customerId);

    /**
     * Whether this module holds the customer's identity (their contact details), which the others
     * may still read while they erase: such a module erases after all the others.
     */
    default boolean holdsIdentity() {
        return false;
    }

    /**
     * Erases or anonymises what the module holds about the customer, keeping only what accounting
     * needs. Runs in the caller's transaction; erasing twice changes nothing more.
     */
    void erase(UUID customerId);
}
