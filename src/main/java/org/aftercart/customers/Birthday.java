package org.aftercart.customers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/**
 * A customer's birthday: the month and day, and the year only when the customer chose to give it.
 * An impossible date (30 February, or 29 February of a year that has none) is refused.
 */
public record Birthday(int month, int day, @Nullable Integer year) {

    /** Nobody alive was born before this year. */
    static final int EARLIEST_YEAR = 1900;

    public Birthday {
        try {
            // MonthDay accepts 29 February, which is a birthday when no year is given.
            MonthDay.of(month, day);
        } catch (DateTimeException impossible) {
            throw new InvalidProfileDetails(
                    "There is no day " + day + " in month " + month + ": give a month (1-12) and a day of that month.");
        }
        if (year != null) {
            if (year < EARLIEST_YEAR || year > Year.now().getValue()) {
                throw new InvalidProfileDetails("The year of birth must be between " + EARLIEST_YEAR
                        + " and this year, or left out; " + year + " is not.");
            }
            if (!Year.isLeap(year) && month == 2 && day == 29) {
                throw new InvalidProfileDetails("There was no 29 February in " + year + ".");
            }
            if (LocalDate.of(year, month, day).isAfter(LocalDate.now())) {
                throw new InvalidProfileDetails("A birthday cannot be in the future.");
            }
        }
    }

    public MonthDay monthDay() {
        return MonthDay.of(month, day);
    }
}
