package org.aftercart.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.aftercart.customers.Birthday;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerNotFound;
import org.aftercart.customers.Customers;
import org.aftercart.customers.InvalidProfileDetails;
import org.aftercart.customers.ProfileDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "How customers want to be reached")
@RestController
@RequestMapping("/api/v1/customers/{id}/profile-details")
class ProfileDetailsApiController {

    /**
     * @param year optional: a customer may give only the month and day
     */
    record BirthdayBody(
            @Schema(example = "7") @NotNull Integer month,
            @Schema(example = "14") @NotNull Integer day,
            @Schema(example = "1990", nullable = true) @Nullable Integer year) {}

    /**
     * @param birthday left out (or {@code null}) when the customer does not give it
     * @param favouriteCategories categories of the catalog (see the catalog's products)
     */
    record Details(@Valid @Nullable BirthdayBody birthday, @Nullable List<String> favouriteCategories) {

        static Details of(ProfileDetails details) {
            Birthday birthday = details.birthday();
            return new Details(
                    birthday == null ? null : new BirthdayBody(birthday.month(), birthday.day(), birthday.year()),
                    details.favouriteCategories());
        }
    }

    private final Customers customers;

    ProfileDetailsApiController(Customers customers) {
        this.customers = customers;
    }

    @Operation(summary = "The birthday and favourite categories the customer chose to give")
    @GetMapping
    Details get(@PathVariable UUID id) {
        return customers
                .profileDetails(new CustomerId(id))
                .map(Details::of)
                .orElseThrow(() -> new CustomerNotFound(new CustomerId(id)));
    }

    @Operation(
            summary = "Replace the customer's birthday and favourite categories",
            description = "The birthday needs a month and a day; the year is optional. An impossible date (30"
                    + " February, 29 February of a common year, a date in the future) and a category the catalog"
                    + " does not have answer 400 with a problem body.")
    @PutMapping
    Details put(@PathVariable UUID id, @Valid @RequestBody Details request) {
        BirthdayBody body = request.birthday();
        Birthday birthday = body == null ? null : birthday(body);
        List<String> favourites = request.favouriteCategories() == null ? List.of() : request.favouriteCategories();
        if (favourites.stream().anyMatch(category -> category == null || category.isBlank())) {
            throw new InvalidProfileDetails("A favourite category cannot be empty.");
        }
        return Details.of(customers.updateProfileDetails(new CustomerId(id), new ProfileDetails(birthday, favourites)));
    }

    private static Birthday birthday(BirthdayBody body) {
        if (body.month() == null || body.day() == null) {
            throw new InvalidProfileDetails("A birthday needs a month and a day; the year may be left out.");
        }
        return new Birthday(body.month(), body.day(), body.year());
    }
}
