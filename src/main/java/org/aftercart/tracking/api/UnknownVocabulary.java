package org.aftercart.tracking.api;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An override for a vocabulary no parser speaks would never apply. */
class UnknownVocabulary extends Problem {

    UnknownVocabulary(String vocabulary) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-vocabulary",
                "Unknown carrier vocabulary",
                "No carrier speaks '" + vocabulary + "'; use one of the vocabularies of the built-in table"
                        + " (e.g. easypost, aftership, ups, usps, fedex, dhl, laposte)");
    }
}
