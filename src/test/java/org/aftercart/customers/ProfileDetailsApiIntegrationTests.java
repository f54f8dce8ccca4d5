package org.aftercart.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.platform.ApiKeys;
import org.aftercart.shared.Money;
import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer's birthday and favourite categories through the REST API, bad input included. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProfileDetailsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    ApiClient api;
    String category;
    CustomerId customer;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "profile details tests", "ak_profile_details");
        category = "api-profile-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.upsert(new Catalog.VariantDescription(
                "AP-" + category, "ap-" + category, "Throw", "", category, Money.of("20.00", "EUR")));
        customer = customers.findOrRegister(
                ContactDetails.email("api-details-" + UUID.randomUUID() + "@example.org", null));
    }

    @Test
    void aBirthdayWithoutAYearIsSavedAndReadBack() {
        ApiClient.Response saved = api.put(
                path(), "{\"birthday\":{\"month\":7,\"day\":14},\"favouriteCategories\":[\"" + category + "\"]}");

        assertThat(saved.status()).isEqualTo(200);
        ApiClient.Response read = api.get(path());
        assertThat(read.json().path("birthday").path("month").asInt()).isEqualTo(7);
        assertThat(read.json().path("birthday").path("day").asInt()).isEqualTo(14);
        assertThat(read.json().path("birthday").path("year").isNull()).isTrue();
        assertThat(read.json().path("favouriteCategories").get(0).asString()).isEqualTo(category);
    }

    @Test
    void impossibleDatesAndUnknownCategoriesAnswerAProblem() {
        for (String body : new String[] {
            "{\"birthday\":{\"month\":2,\"day\":30}}",
            "{\"birthday\":{\"month\":2,\"day\":29,\"year\":2023}}",
            "{\"birthday\":{\"month\":13,\"day\":1}}",
            "{\"birthday\":{\"day\":1}}",
            "{\"favouriteCategories\":[\"no-such-" + UUID.randomUUID() + "\"]}"
        }) {
            ApiClient.Response refused = api.put(path(), body);

            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
        }
        ApiClient.Response unknownDate = api.put(path(), "{\"birthday\":{\"month\":2,\"day\":30}}");
        assertThat(unknownDate.json().path("type").asString()).endsWith("/invalid-profile-details");
        assertThat(api.get(path()).json().path("birthday").isNull())
                .as("nothing saved")
                .isTrue();
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        ApiClient.Response response = api.get("/api/v1/customers/" + UUID.randomUUID() + "/profile-details");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private String path() {
        return "/api/v1/customers/" + customer + "/profile-details";
    }
}
