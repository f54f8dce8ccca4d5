package org.aftercart.wallet.web;

import java.time.Duration;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class TooManyGiftCardLookups extends Problem {

    TooManyGiftCardLookups(Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-gift-card-lookups",
                "Too many wrong gift card codes",
                "Too many wrong gift card codes were tried; try again in " + seconds(retryAfter) + " seconds.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
