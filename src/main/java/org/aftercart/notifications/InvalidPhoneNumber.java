package org.aftercart.notifications;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class InvalidPhoneNumber extends Problem {

    public InvalidPhoneNumber(String phone) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-phone-number",
                "Phone number cannot receive texts",
                "'" + phone + "' is not a mobile number that can receive texts; give it with its country code,"
                        + " e.g. +44 7700 900123.");
    }
}
