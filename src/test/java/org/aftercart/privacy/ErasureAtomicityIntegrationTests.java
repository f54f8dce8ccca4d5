package org.aftercart.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Erasure is all or nothing: a module failing after the others erased (the customer's profile
 * included) leaves every module as it was.
 */
@SpringBootTest
@Import(ErasureAtomicityIntegrationTests.FailingModule.class)
class ErasureAtomicityIntegrationTests {

    /** A module that fails to erase one chosen customer, after looking at what was erased before it. */
    @TestConfiguration
    static class FailingModule {

        static final AtomicReference<UUID> failFor = new AtomicReference<>();
        static final AtomicReference<String> emailSeenWhenFailing = new AtomicReference<>();

        @Bean
        PersonalData failingModule(Customers customers) {
            return new PersonalData() {
                @Override
                public String section() {
                    return "failing-test-module";
                }

                @Override
                public String export(UUID customerId) {
                    return "{}";
                }

                @Override
                public List<String> erasureBlockers(UUID customerId) {
                    return List.of();
                }

                /** Called with the customers module's bean, after it. */
                @Override
                public boolean holdsIdentity() {
                    return true;
                }

                @Override
                public void erase(UUID customerId) {
                    if (customerId.equals(failFor.get())) {
                        emailSeenWhenFailing.set(String.valueOf(customers
                                .find(new CustomerId(customerId))
                                .map(CustomerProfile::email)
                                .orElse(null)));
                        throw new IllegalStateException("failing on purpose");
                    }
                }
            };
        }
    }

    @Autowired
    PersonalDataRequests privacy;

    @Autowired
    Customers customers;

    @Test
    void aModuleFailingLeavesEveryModuleAsItWas() {
        String email = "atomic-" + UUID.randomUUID() + "@example.org";
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Perpetua Lindqvist"));
        FailingModule.failFor.set(customer.id());

        assertThatThrownBy(() -> privacy.erase(customer, "customer")).hasMessageContaining("failing on purpose");

        assertThat(FailingModule.emailSeenWhenFailing.get())
                .as("the customer's profile was already erased in the transaction")
                .isEqualTo("null");
        CustomerProfile after = customers.find(customer).orElseThrow();
        assertThat(after.email()).isEqualTo(email);
        assertThat(after.name()).isEqualTo("Perpetua Lindqvist");
        assertThat(privacy.erasure(customer)).isEmpty();
    }
}
