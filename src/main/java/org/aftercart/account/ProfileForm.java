package org.aftercart.account;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftercart.customers.Birthday;
import org.aftercart.customers.Customers;
import org.aftercart.customers.InvalidProfileDetails;
import org.aftercart.customers.ProfileDetails;
import org.jspecify.annotations.Nullable;

/**
 * The account page's profile form as submitted: a birthday (month and day, the year only if the
 * customer wants) and favourite categories, checked before anything is written. Public for the page
 * template only.
 */
public record ProfileForm(String birthMonth, String birthDay, String birthYear, List<String> favouriteCategories) {

    static ProfileForm of(ProfileDetails details) {
        Birthday birthday = details.birthday();
        return new ProfileForm(
                birthday == null ? "" : String.valueOf(birthday.month()),
                birthday == null ? "" : String.valueOf(birthday.day()),
                birthday == null || birthday.year() == null ? "" : String.valueOf(birthday.year()),
                details.favouriteCategories());
    }

    static ProfileForm from(Map<String, String> fields, List<String> categories) {
        return new ProfileForm(
                fields.getOrDefault("birthMonth", "").strip(),
                fields.getOrDefault("birthDay", "").strip(),
                fields.getOrDefault("birthYear", "").strip(),
                List.copyOf(new LinkedHashSet<>(categories)));
    }

    public boolean favours(String category) {
        return favouriteCategories.contains(category);
    }

    /**
     * Message keys of what is wrong with the form's shape; the customers module then checks the date
     * itself and the categories against the catalog.
     */
    List<String> errors(Set<String> knownCategories) {
        List<String> errors = new ArrayList<>();
        if (birthMonth.isEmpty() != birthDay.isEmpty()
                || (!birthMonth.isEmpty() && (number(birthMonth) == null || number(birthDay) == null))
                || (!birthYear.isEmpty() && (birthMonth.isEmpty() || number(birthYear) == null))) {
            errors.add("account.profile.error.birthday");
        }
        if (!knownCategories.containsAll(favouriteCategories)) {
            errors.add("account.profile.error.category");
        }
        if (favouriteCategories.size() > Customers.MAX_FAVOURITE_CATEGORIES) {
            errors.add("account.profile.error.too-many");
        }
        return errors;
    }

    /**
     * The details to save; call only when {@link #errors} found nothing.
     *
     * @throws InvalidProfileDetails for a date that does not exist or lies ahead
     */
    ProfileDetails toDetails() {
        Birthday birthday = birthMonth.isEmpty()
                ? null
                : new Birthday(number(birthMonth), number(birthDay), birthYear.isEmpty() ? null : number(birthYear));
        return new ProfileDetails(birthday, favouriteCategories);
    }

    private static @Nullable Integer number(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
