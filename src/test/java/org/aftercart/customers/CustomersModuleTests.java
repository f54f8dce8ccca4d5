package org.aftercart.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/** Recognising returning customers by e-mail, on the customers schema alone. */
@ApplicationModuleTest
class CustomersModuleTests {

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

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

    private String rowVersion(CustomerId id) {
        return jdbc.sql("select xmin::text from customers.customers where id = ?")
                .param(id.id())
                .query(String.class)
                .single();
    }
}
