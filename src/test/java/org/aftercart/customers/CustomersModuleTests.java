package org.aftercart.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.catalog.Catalog;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Recognising returning customers by e-mail, and the profile details they choose to give, on the
 * customers schema and the catalog whose categories they choose from.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class CustomersModuleTests {

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Test
    void aReturningCustomerIsRecognisedCaseInsensitivelyWithoutRewritingTheRow() {
        String email = "Returning-" + UUID.randomUUID() + "@Example.org";
        CustomerId first =
                customers.findOrRegister(new ContactDetails(email, "Ada", "+447700900123", null, "en", "GB"));
        String versionBefore = rowVersion(first);

        CustomerId again = customers.findOrRegister(ContactDetails.email(email.toUpperCase(), "Someone Else"));

        assertThat(again).isEqualTo(first);
        assertThat(rowVersion(again)).as("no new row version").isEqualTo(versionBefore);
        assertThat(customers.find(first).orElseThrow().name()).isEqualTo("Ada");
    }

    @Test
    void detailsMissingOnFileAreFilledInAndKnownOnesKept() {
        String email = "partial-" + UUID.randomUUID() + "@example.org";
        CustomerId id = customers.findOrRegister(ContactDetails.email(email, "Grace"));

        customers.findOrRegister(new ContactDetails(email, "Not Grace", "+33612345678", null, null, "FR"));

        CustomerProfile profile = customers.find(id).orElseThrow();
        assertThat(profile.name()).isEqualTo("Grace");
        assertThat(profile.phone()).isEqualTo("+33612345678");
        assertThat(profile.country()).isEqualTo("FR");
    }

    @Test
    void concurrentFirstOrdersOfOneAddressRegisterOneCustomer() throws Exception {
        for (int round = 0; round < 10; round++) {
            String email = "race-" + UUID.randomUUID() + "@example.org";
            int threads = 4;
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Callable<CustomerId>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(() -> {
                    start.await();
                    return customers.findOrRegister(ContactDetails.email(email, null));
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<CustomerId> ids = new ArrayList<>();
                for (Future<CustomerId> result : pool.invokeAll(calls)) {
                    ids.add(result.get());
                }
                assertThat(ids).as("round %d", round).containsOnly(ids.getFirst());
            }
        }
    }

    @Test
    void aBirthdayWithoutAYearAndFavouriteCategoriesOfTheCatalogAreKept() {
        String category = "profile-test-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.upsert(new Catalog.VariantDescription(
                "PD-" + category, "pd-" + category, "Cushion", "", category, Money.of("10.00", "EUR")));
        CustomerId id =
                customers.findOrRegister(ContactDetails.email("details-" + UUID.randomUUID() + "@example.org", null));

        customers.updateProfileDetails(id, new ProfileDetails(new Birthday(2, 29, null), List.of(category, category)));

        ProfileDetails details = customers.profileDetails(id).orElseThrow();
        assertThat(details.birthday()).isEqualTo(new Birthday(2, 29, null));
        assertThat(details.favouriteCategories()).containsExactly(category);
    }

    @Test
    void impossibleBirthdaysAndUnknownCategoriesAreRefusedAndNothingIsWritten() {
        CustomerId id =
                customers.findOrRegister(ContactDetails.email("refused-" + UUID.randomUUID() + "@example.org", null));
        customers.updateProfileDetails(id, new ProfileDetails(new Birthday(7, 14, 1990), List.of()));

        assertThatThrownBy(() -> new Birthday(2, 30, null)).isInstanceOf(InvalidProfileDetails.class);
        assertThatThrownBy(() -> new Birthday(13, 1, null)).isInstanceOf(InvalidProfileDetails.class);
        assertThatThrownBy(() -> new Birthday(2, 29, 2023)).isInstanceOf(InvalidProfileDetails.class);
        assertThatThrownBy(() -> new Birthday(1, 1, Year.now().getValue() + 1))
                .isInstanceOf(InvalidProfileDetails.class);
        assertThat(new Birthday(2, 29, 2024).year()).isEqualTo(2024);
        assertThatThrownBy(() -> customers.updateProfileDetails(
                        id, new ProfileDetails(null, List.of("no-such-category-" + UUID.randomUUID()))))
                .isInstanceOf(InvalidProfileDetails.class)
                .hasMessageContaining("no-such-category-");

        assertThat(customers.profileDetails(id).orElseThrow().birthday()).isEqualTo(new Birthday(7, 14, 1990));
    }

    @Test
    void theProfileDetailsOfAnUnknownCustomerCannotBeSaved() {
        CustomerId nobody = new CustomerId(UUID.randomUUID());

        assertThat(customers.profileDetails(nobody)).isEmpty();
        assertThatThrownBy(() -> customers.updateProfileDetails(nobody, ProfileDetails.none()))
                .isInstanceOf(CustomerNotFound.class);
    }

    private String rowVersion(CustomerId id) {
        return jdbc.sql("select xmin::text from customers.customers where id = ?")
                .param(id.id())
                .query(String.class)
                .single();
    }

    @Test
    void aOneClickUnsubscribeWithdrawsConsentAndIsToldOnce(AssertablePublishedEvents events) {
        CustomerId id = customers.findOrRegister(
                ContactDetails.email("unsubscribing-" + UUID.randomUUID() + "@example.org", "Ada"));
        jdbc.sql("update customers.customers set marketing_consent = true, marketing_consent_at = now() where id = ?")
                .param(id.id())
                .update();

        customers.withdrawMarketingConsent(id);
        customers.withdrawMarketingConsent(id);

        assertThat(customers.contactPreferences(id).orElseThrow().marketingConsent())
                .isFalse();
        assertThat(events.ofType(ContactPreferencesChanged.class)
                        .matching(changed -> changed.customerId().equals(id.id())))
                .singleElement()
                .satisfies(changed -> {
                    assertThat(changed.changedBy()).isEqualTo(Customers.UNSUBSCRIBE_LINK);
                    assertThat(changed.marketingConsent()).isFalse();
                });
    }
}
